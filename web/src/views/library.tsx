import { useState, type FormEvent } from 'react';
import type { DocumentList, DocumentListItem } from '../../../src/model/api.js';
import { api } from '../api.js';
import { Snippet } from '../components/snippet.js';
import { Empty, Loaded } from '../components/states.js';
import { useI18n } from '../i18n/i18n.js';
import { Link, useRouter } from '../router.js';
import { useApi } from '../use-api.js';

const FILTERS = ['q', 'source', 'language', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];

/** Documents with source, date and language; full-text search with highlighted snippets; filters kept in the URL. */
export function LibraryView() {
  const { t } = useI18n();
  const { location, navigate } = useRouter();
  const current = Object.fromEntries(FILTERS.map((name) => [name, location.query.get(name) ?? ''])) as Record<Filter, string>;

  const setFilters = (change: Partial<Record<Filter, string>>) => {
    const next = new URLSearchParams();
    for (const name of FILTERS) {
      const value = change[name] ?? current[name];
      if (value) next.set(name, value);
    }
    const text = next.toString();
    navigate(text ? `/?${text}` : '/', { replace: true });
  };
  const [sources] = useApi((signal) => api.sources(signal), 'sources');

  return (
    <section className="library">
      <div className="view-head">
        <h1>{t('library.title')}</h1>
        <SearchForm key={current.q} initial={current.q} onSearch={(q) => setFilters({ q })} />
      </div>
      <div className="filters" aria-label={t('library.filters')}>
        <label>
          {t('library.source')}
          <select value={current.source} onChange={(event) => setFilters({ source: event.target.value })}>
            <option value="">{t('library.anySource')}</option>
            {sources.state === 'ready' &&
              sources.data.sources.map((source) => (
                <option key={source.id} value={source.id}>
                  {source.name} ({source.documents})
                </option>
              ))}
          </select>
        </label>
        <label>
          {t('library.language')}
          <select value={current.language} onChange={(event) => setFilters({ language: event.target.value })}>
            <option value="">{t('library.anyLanguage')}</option>
            <option value="en">{t('language.en')}</option>
            <option value="ru">{t('language.ru')}</option>
          </select>
        </label>
        <label>
          {t('library.from')}
          <input type="date" value={current.from} onChange={(event) => setFilters({ from: event.target.value })} />
        </label>
        <label>
          {t('library.to')}
          <input type="date" value={current.to} onChange={(event) => setFilters({ to: event.target.value })} />
        </label>
        {FILTERS.some((name) => current[name]) && (
          <button type="button" className="quiet" onClick={() => navigate('/', { replace: true })}>
            {t('library.clear')}
          </button>
        )}
      </div>
      {current.q ? <SearchResults q={current.q} /> : <DocumentTable filters={current} />}
    </section>
  );
}

/** Keyed by the query in the URL, so going back restores what the box says. */
function SearchForm({ initial, onSearch }: { initial: string; onSearch(q: string): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(draft.trim());
  };
  return (
    <form className="search" role="search" onSubmit={submit}>
      <input type="search" name="q" aria-label={t('library.searchLabel')} placeholder={t('library.searchPlaceholder')} value={draft} onChange={(event) => setDraft(event.target.value)} />
      <button type="submit" className="primary">
        {t('library.search')}
      </button>
    </form>
  );
}

function SearchResults({ q }: { q: string }) {
  const { t, date } = useI18n();
  const [results] = useApi((signal) => api.search(q, signal), q);
  return (
    <Loaded value={results}>
      {(data) =>
        data.results.length === 0 ? (
          <Empty title={t('library.noMatches', { q })} hint={t('library.noMatchesHint')} />
        ) : (
          <>
            <p className="muted count-line">
              {t('library.matches', { count: data.results.length })}
              {data.truncated && ` ${t('library.truncated')}`}
            </p>
            <ol className="results">
              {data.results.map((result) => (
                <li key={result.id}>
                  <div className="result-head">
                    <Link to={`/documents/${encodeURIComponent(result.id)}?q=${encodeURIComponent(q)}`} className="doc-title">
                      {result.title ?? result.origin}
                    </Link>
                    <span className="meta">
                      {result.source ?? t('common.unknownSource')} · {date(result.publishedAt)} · <span className="lang">{result.language ?? '—'}</span>
                    </span>
                  </div>
                  <p>
                    <Snippet parts={result.snippet} />
                  </p>
                </li>
              ))}
            </ol>
          </>
        )
      }
    </Loaded>
  );
}

function DocumentTable({ filters }: { filters: Record<Filter, string> }) {
  const { t } = useI18n();
  const key = JSON.stringify(filters);
  const [first] = useApi((signal) => api.documents({ source: filters.source, language: filters.language, from: filters.from, to: filters.to, limit: 100 }, signal), key);
  return (
    <Loaded value={first}>
      {(data) =>
        data.documents.length === 0 ? (
          <Empty title={t('library.empty')} hint={t('library.emptyHint')} />
        ) : (
          <DocumentPages key={key} first={data} filters={filters} />
        )
      }
    </Loaded>
  );
}

/** A web address as it is; a file path by its name alone (the folder is the ingesting machine's, not the reader's concern). */
function originShown(origin: string): string {
  if (/^https?:\/\//i.test(origin)) return origin;
  return origin.split(/[\\/]/).pop() || origin;
}

function DocumentPages({ first, filters }: { first: DocumentList; filters: Record<Filter, string> }) {
  const { t, date } = useI18n();
  const [documents, setDocuments] = useState<DocumentListItem[]>(first.documents);
  const [cursor, setCursor] = useState<string | null>(first.nextCursor);
  const [busy, setBusy] = useState(false);
  const more = async () => {
    if (!cursor) return;
    setBusy(true);
    try {
      const page = await api.documents({ source: filters.source, language: filters.language, from: filters.from, to: filters.to, limit: 100, cursor });
      setDocuments((previous) => [...previous, ...page.documents]);
      setCursor(page.nextCursor);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <table className="grid documents">
        <thead>
          <tr>
            <th>{t('library.colTitle')}</th>
            <th>{t('library.colSource')}</th>
            <th>{t('library.colPublished')}</th>
            <th>{t('library.colLanguage')}</th>
            <th className="num">{t('library.colSize')}</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => (
            <tr key={document.id}>
              <td>
                <Link to={`/documents/${encodeURIComponent(document.id)}`} className="doc-title">
                  {document.title ?? document.origin}
                </Link>
                <div className="origin" title={document.origin}>
                  {originShown(document.origin)}
                </div>
              </td>
              <td>{document.source ?? <span className="muted">{t('common.unknownSource')}</span>}</td>
              <td className="nowrap">{date(document.publishedAt)}</td>
              <td className="lang">{document.language ?? '—'}</td>
              <td className="num">{t('library.kilobytes', { count: Math.max(1, Math.round(document.size / 1024)) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {cursor && (
        <button type="button" className="more" disabled={busy} onClick={() => void more()}>
          {t('library.more')}
        </button>
      )}
    </>
  );
}
