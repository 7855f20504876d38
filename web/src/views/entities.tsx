import { useState, type FormEvent } from 'react';
import type { EntityDetail } from '../../../src/model/api.js';
import { api } from '../api.js';
import { ClaimContext } from '../components/claim-context.js';
import { DocumentCitation } from '../components/document-ref.js';
import { OffsetPager } from '../components/offset-pager.js';
import { Empty, Loaded } from '../components/states.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { Link, useRouter } from '../router.js';
import { useApi } from '../use-api.js';

const KINDS = ['person', 'organization', 'place', 'group'] as const;
const kindLabel: Record<string, MessageKey> = { person: 'kind.person', organization: 'kind.organization', place: 'kind.place', group: 'kind.group' };
const PAGE = 100;

/** Persons, organisations, places and groups named across documents, with their aliases. */
export function EntitiesView() {
  const { t } = useI18n();
  const { location, navigate } = useRouter();
  const kind = location.query.get('kind') ?? '';
  const q = location.query.get('q') ?? '';
  const offset = Math.max(0, Number(location.query.get('offset') ?? 0) || 0);
  const go = (change: { kind?: string; q?: string; offset?: number }) => {
    const params = new URLSearchParams();
    const nextKind = change.kind ?? kind;
    const nextQ = change.q ?? q;
    const nextOffset = change.offset ?? 0;
    if (nextKind) params.set('kind', nextKind);
    if (nextQ) params.set('q', nextQ);
    if (nextOffset) params.set('offset', String(nextOffset));
    const text = params.toString();
    navigate(text ? `/entities?${text}` : '/entities', { replace: true });
  };
  const [list] = useApi((signal) => api.entities({ kind, q, limit: PAGE, offset }, signal), `${kind}|${q}|${offset}`);

  return (
    <section>
      <div className="view-head">
        <h1>{t('entities.title')}</h1>
        <NameFilter key={q} initial={q} onFilter={(value) => go({ q: value })} />
      </div>
      <div className="filters">
        <div className="segmented" role="group" aria-label={t('entities.kind')}>
          <button type="button" className={kind === '' ? 'active' : ''} aria-pressed={kind === ''} onClick={() => go({ kind: '' })}>
            {t('entities.all')}
          </button>
          {KINDS.map((value) => (
            <button key={value} type="button" className={kind === value ? 'active' : ''} aria-pressed={kind === value} onClick={() => go({ kind: value })}>
              {t(kindLabel[value] as MessageKey)}
            </button>
          ))}
        </div>
      </div>
      <Loaded value={list}>
        {(data) =>
          data.entities.length === 0 ? (
            <Empty title={t('entities.empty')} hint={t('entities.emptyHint')} />
          ) : (
            <>
              <table className="grid entities">
                <thead>
                  <tr>
                    <th>{t('entities.colName')}</th>
                    <th>{t('entities.colKind')}</th>
                    <th>{t('entities.colAliases')}</th>
                    <th className="num">{t('entities.colDocuments')}</th>
                    <th className="num">{t('entities.colMentions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.entities.map((entity) => (
                    <tr key={`${entity.kind}:${entity.name}`}>
                      <td>
                        <Link to={`/entities/${entity.kind}/${encodeURIComponent(entity.name)}`} className="doc-title">
                          {entity.name}
                        </Link>
                      </td>
                      <td>
                        <span className={`kind-dot k-${entity.kind}`} aria-hidden="true" /> {t(kindLabel[entity.kind] ?? 'kind.group')}
                      </td>
                      <td className="aliases">{entity.aliases.filter((alias) => alias !== entity.name).join(' · ')}</td>
                      <td className="num">{entity.documents}</td>
                      <td className="num">{entity.mentions}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <OffsetPager label={t('entities.showing', { from: offset + 1, to: offset + data.entities.length, count: data.total })} offset={offset} shown={data.entities.length} total={data.total} pageSize={PAGE} onGo={(next) => go({ offset: next })} />
            </>
          )
        }
      </Loaded>
    </section>
  );
}

function NameFilter({ initial, onFilter }: { initial: string; onFilter(value: string): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onFilter(draft.trim());
  };
  return (
    <form className="search" role="search" onSubmit={submit}>
      <input type="search" aria-label={t('entities.filterLabel')} placeholder={t('entities.filterPlaceholder')} value={draft} onChange={(event) => setDraft(event.target.value)} />
      <button type="submit">{t('entities.filter')}</button>
    </form>
  );
}

/** One entity: its names and every mention across documents, quoted and linked into the reader. */
export function EntityView({ kind, name }: { kind: string; name: string }) {
  const [detail] = useApi((signal) => api.entity(kind, name, signal), `${kind}|${name}`);
  return <Loaded value={detail}>{(data) => <Entity entity={data} />}</Loaded>;
}

function Entity({ entity }: { entity: EntityDetail }) {
  const { t } = useI18n();
  const byDocument = new Map<string, EntityDetail['mentionList']>();
  for (const mention of entity.mentionList) byDocument.set(mention.document.id, [...(byDocument.get(mention.document.id) ?? []), mention]);
  const aliases = entity.aliases.filter((alias) => alias !== entity.name);
  return (
    <section className="entity">
      <div className="view-head">
        <div>
          <p className="breadcrumb">
            <Link to="/entities">{t('nav.entities')}</Link>
          </p>
          <h1>
            <span className={`kind-dot k-${entity.kind}`} aria-hidden="true" /> {entity.name}
          </h1>
          <p className="meta">
            {t(kindLabel[entity.kind] ?? 'kind.group')} · {t('entities.inDocuments', { count: entity.documents })} · {t('entities.mentionCount', { count: entity.mentions })}
          </p>
        </div>
      </div>
      <h2>{t('entities.aliases')}</h2>
      {aliases.length === 0 ? (
        <p className="muted">{t('entities.noAliases')}</p>
      ) : (
        <ul className="alias-list">
          {aliases.map((alias) => (
            <li key={alias}>{alias}</li>
          ))}
        </ul>
      )}
      <h2>{t('entities.mentions')}</h2>
      {byDocument.size === 0 ? (
        <Empty title={t('entities.noMentions')} />
      ) : (
        <div className="mention-groups">
          {[...byDocument.values()].map((mentions) => {
            const first = mentions[0];
            if (!first) return null;
            return (
              <div key={first.document.id} className="mention-group">
                <p className="cite-line">
                  <DocumentCitation document={first.document} at={first.start} />
                </p>
                <ul className="mention-list">
                  {mentions.map((mention) => (
                    <li key={mention.claim}>
                      <Link to={`/documents/${encodeURIComponent(mention.document.id)}?at=${mention.start}`} className="quote-link">
                        <ClaimContext documentId={mention.document.id} start={mention.start} end={mention.end} reach={110} className="mention-context" />
                      </Link>
                      {mention.name !== entity.name && <span className="muted small"> ({t('entities.resolvedAs', { name: mention.name })})</span>}
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}
