import { useState, type FormEvent } from 'react';
import type { PersonDetail, PersonPage } from '../../../src/model/api.js';
import { api } from '../api.js';
import { EstimatePanel } from '../components/estimate-panel.js';
import { OffsetPager } from '../components/offset-pager.js';
import { Empty, Loaded } from '../components/states.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { partialDateText, refusalText } from '../persons.js';
import { Link, useRouter } from '../router.js';
import { useSession } from '../session.js';
import { useApi } from '../use-api.js';

const PAGE = 50;
const sexLabel: Record<'m' | 'f', MessageKey> = { m: 'persons.sexM', f: 'persons.sexF' };
type PersonRow = PersonPage['persons'][number];
type RecordEntry = PersonDetail['entries'][number];
type Decision = PersonDetail['decisions'][number];

/** Born: one year, or every year the records give when they disagree. */
const birthText = (years: readonly number[]) => (years.length === 0 ? '—' : years.join(' / '));

/**
 * Persons across lists: the persons the last linkage run (and analysts' decisions since) made, each
 * with every spelling of the name and the lists it is on; linkage and extraction for analysts; and
 * the estimate of how many people no list caught.
 */
export function PersonsView() {
  const { t } = useI18n();
  const { canReview } = useSession();
  const { location, navigate } = useRouter();
  const list = location.query.get('list') ?? '';
  const offset = Math.max(0, Number(location.query.get('offset') ?? 0) || 0);
  const go = (change: { list?: string; offset?: number }) => {
    const params = new URLSearchParams();
    const nextList = change.list ?? list;
    if (nextList) params.set('list', nextList);
    if (change.offset) params.set('offset', String(change.offset));
    const text = params.toString();
    navigate(text ? `/persons?${text}` : '/persons', { replace: true });
  };
  // Linking or extracting changes both the lists and the persons: one generation counter reloads both.
  const [generation, setGeneration] = useState(0);
  const [lists] = useApi((signal) => api.personLists(signal), `lists|${generation}`);
  const [page, reloadPage] = useApi((signal) => api.persons({ list, limit: PAGE, offset }, signal), `${list}|${offset}|${generation}`);
  const changed = () => setGeneration((value) => value + 1);

  return (
    <section className="persons">
      <div className="view-head">
        <div>
          <h1>{t('persons.title')}</h1>
          <p className="meta">{t('persons.intro')}</p>
        </div>
        {canReview && <PersonsActions onChanged={changed} />}
      </div>
      <Loaded value={lists}>
        {({ lists: available }) =>
          available.length === 0 ? (
            <Empty title={t('persons.noLists')} hint={t('persons.noListsHint')} />
          ) : (
            <>
              <div className="filters">
                <label>
                  {t('persons.list')}
                  <select value={list} onChange={(event) => go({ list: event.target.value })}>
                    <option value="">{t('persons.allLists')}</option>
                    {available.map((item) => (
                      <option key={item.id} value={item.name}>
                        {t('persons.listOption', { name: item.name, count: item.records })}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <Loaded value={page}>
                {(data) => (
                  <>
                    <LinkNote total={data.total} unlinked={data.unlinked} />
                    {data.persons.length > 0 && <PersonsTable persons={data.persons} canConfirm={canReview} onConfirmed={(personId) => (personId ? navigate(`/persons/${encodeURIComponent(personId)}`) : reloadPage())} />}
                    {data.total > 0 && (
                      <OffsetPager label={t('persons.showing', { from: offset + 1, to: offset + data.persons.length, count: data.total })} offset={offset} shown={data.persons.length} total={data.total} pageSize={PAGE} onGo={(next) => go({ offset: next })} />
                    )}
                  </>
                )}
              </Loaded>
              <EstimatePanel key={generation} lists={available.map((item) => item.name)} />
            </>
          )
        }
      </Loaded>
    </section>
  );
}

/** Whether linkage has run, and whether records wait for the next run. */
function LinkNote({ total, unlinked }: { total: number; unlinked: number }) {
  const { t } = useI18n();
  const { canReview } = useSession();
  if (total === 0 && unlinked === 0) return <Empty title={t('persons.noneOnList')} />;
  if (total === 0)
    return (
      <div className="empty note-unlinked" role="note">
        <p className="empty-title">{t('persons.notLinked', { count: unlinked })}</p>
        <p className="muted">{canReview ? t('persons.notLinkedHintAnalyst') : t('persons.notLinkedHintViewer')}</p>
      </div>
    );
  if (unlinked > 0)
    return (
      <p className="notice" role="note">
        {t('persons.unlinkedSince', { count: unlinked })}
      </p>
    );
  return null;
}

/** Run linkage, or extract persons named in documents; each with a busy state and its outcome in words. */
function PersonsActions({ onChanged }: { onChanged(): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<'link' | 'extract' | null>(null);
  const [outcome, setOutcome] = useState<{ text: string; failed: boolean } | null>(null);
  const run = async (which: 'link' | 'extract') => {
    setBusy(which);
    setOutcome(null);
    try {
      if (which === 'link') {
        const result = await api.linkPersons();
        setOutcome({ text: t('persons.linked', { records: result.records, count: result.persons, several: result.onSeveralLists, decisions: result.decisionsApplied }), failed: false });
      } else {
        const result = await api.extractPersons();
        setOutcome({ text: t('persons.extracted', { count: result.records, documents: result.documents, added: result.added, updated: result.updated, removed: result.removed }), failed: false });
      }
      onChanged();
    } catch (failure) {
      setOutcome({ text: refusalText(t, failure), failed: true });
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="persons-actions">
      <div className="actions">
        <button type="button" disabled={busy !== null} aria-busy={busy === 'extract'} onClick={() => void run('extract')}>
          {busy === 'extract' ? t('persons.extracting') : t('persons.extract')}
        </button>
        <button type="button" className="primary" disabled={busy !== null} aria-busy={busy === 'link'} onClick={() => void run('link')}>
          {busy === 'link' ? t('persons.linking') : t('persons.link')}
        </button>
      </div>
      <p className={outcome?.failed ? 'error' : 'outcome'} role={outcome?.failed ? 'alert' : 'status'}>
        {outcome?.text}
      </p>
    </div>
  );
}

/** The page of persons; analysts tick two rows to say they are one person. */
function PersonsTable({ persons, canConfirm, onConfirmed }: { persons: PersonRow[]; canConfirm: boolean; onConfirmed(personId: string | null): void }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const { busy, error, run } = useRefusableAction();
  const toggle = (id: string) => setChosen((previous) => (previous.includes(id) ? previous.filter((other) => other !== id) : [...previous, id].slice(-2)));
  const nameOf = (id: string) => persons.find((person) => person.id === id)?.name ?? id;
  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    const [first, second] = chosen;
    if (!first || !second) return;
    await run(async () => {
      const result = await api.confirmPersons({ records: [first, second], ...(note.trim() ? { note: note.trim() } : {}) });
      setChosen([]);
      setNote('');
      onConfirmed(result.personId);
    });
  };
  return (
    <>
      {canConfirm && (
        <form className="confirm-bar" onSubmit={(event) => void confirm(event)} aria-label={t('persons.confirmLabel')}>
          <span className="muted">{chosen.length === 2 ? t('persons.confirmChosen', { first: nameOf(chosen[0] as string), second: nameOf(chosen[1] as string) }) : t('persons.confirmHint')}</span>
          <input type="text" aria-label={t('persons.note')} placeholder={t('persons.notePlaceholder')} value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} disabled={chosen.length !== 2} />
          <button type="submit" className="accept" disabled={busy || chosen.length !== 2}>
            {t('persons.confirm')}
          </button>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
      <div className="table-scroll">
        <table className="grid persons-table">
          <thead>
            <tr>
              {canConfirm && (
                <th className="choose">
                  <span className="visually-hidden">{t('persons.colChoose')}</span>
                </th>
              )}
              <th>{t('persons.colName')}</th>
              <th>{t('persons.colSex')}</th>
              <th>{t('persons.colBorn')}</th>
              <th className="num">{t('persons.colRecords')}</th>
              <th>{t('persons.colLists')}</th>
            </tr>
          </thead>
          <tbody>
            {persons.map((person) => (
              <tr key={person.id} className={chosen.includes(person.id) ? 'chosen' : ''}>
                {canConfirm && (
                  <td className="choose">
                    <input type="checkbox" checked={chosen.includes(person.id)} onChange={() => toggle(person.id)} aria-label={t('persons.choose', { name: person.name })} />
                  </td>
                )}
                <td className="name-cell">
                  <Link to={`/persons/${encodeURIComponent(person.id)}`} className="doc-title">
                    {person.name}
                  </Link>
                  {person.spellings.length > 0 && <div className="aliases">{person.spellings.join(' · ')}</div>}
                </td>
                <td data-label={t('persons.colSex')}>{person.sex ? t(sexLabel[person.sex]) : '—'}</td>
                <td className="nowrap" data-label={t('persons.colBorn')}>
                  {birthText(person.birthYears)}
                </td>
                <td className="num" data-label={t('persons.colRecords')}>
                  {person.records}
                </td>
                <td className="lists-cell" data-label={t('persons.colLists')}>
                  <ListTags lists={person.lists} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ListTags({ lists }: { lists: readonly string[] }) {
  return (
    <div className="tags">
      {lists.map((name) => (
        <span key={name} className="tag list-tag">
          {name}
        </span>
      ))}
    </div>
  );
}

/** One person: every record as its list wrote it, the decisions about them, and (for analysts) confirm and split. */
export function PersonView({ id }: { id: string }) {
  const [detail, reload] = useApi((signal) => api.person(id, signal), id);
  return <Loaded value={detail}>{(data) => <Person person={data} reload={reload} />}</Loaded>;
}

function Person({ person, reload }: { person: PersonDetail; reload(): void }) {
  const { t } = useI18n();
  const { canReview } = useSession();
  const { navigate } = useRouter();
  const [outcome, setOutcome] = useState<{ text: string; personId: string | null } | null>(null);
  const firstRecord = person.entries[0]?.id ?? person.id;
  const mine = new Set(person.entries.map((entry) => entry.id));

  const split = async (record: RecordEntry, note: string) => {
    const result = await api.splitRecord(record.id, note.trim() || undefined);
    setOutcome({ text: t('persons.splitDone', { name: recordNameOf(record) }), personId: result.personId });
    reload();
  };
  const confirmWith = async (other: string, note: string) => {
    const result = await api.confirmPersons({ records: [firstRecord, other], ...(note.trim() ? { note: note.trim() } : {}) });
    setOutcome({ text: result.unchanged ? t('persons.confirmUnchanged') : t('persons.confirmDone'), personId: null });
    if (result.personId && result.personId !== person.id) navigate(`/persons/${encodeURIComponent(result.personId)}`, { replace: true });
    else reload();
  };

  return (
    <section className="person">
      <div className="view-head">
        <div>
          <p className="breadcrumb">
            <Link to="/persons">{t('nav.persons')}</Link>
          </p>
          <h1>{person.name}</h1>
          <p className="meta">
            {person.sex ? t(sexLabel[person.sex]) : t('persons.sexUnknown')} · {t('persons.born', { years: birthText(person.birthYears) })} · {t('persons.recordCount', { count: person.records })} ·{' '}
            {t('persons.onLists', { count: person.lists.length })}
          </p>
          <ListTags lists={person.lists} />
        </div>
      </div>
      {person.spellings.length > 0 && (
        <>
          <h2>{t('persons.spellings')}</h2>
          <ul className="alias-list">
            {person.spellings.map((spelling) => (
              <li key={spelling}>{spelling}</li>
            ))}
          </ul>
        </>
      )}
      {outcome && (
        <div className="notice" role="status">
          {outcome.text}{' '}
          {outcome.personId && <Link to={`/persons/${encodeURIComponent(outcome.personId)}`}>{t('persons.openSplit')}</Link>}
        </div>
      )}
      <h2>{t('persons.records', { count: person.entries.length })}</h2>
      <div className="records">
        {person.entries.map((entry) => (
          <RecordCard key={entry.id} entry={entry} canSplit={canReview && person.entries.length > 1} onSplit={(note) => split(entry, note)} />
        ))}
      </div>
      {canReview && <ConfirmForm onConfirm={confirmWith} />}
      <h2>{t('persons.decisions')}</h2>
      {person.decisions.length === 0 ? (
        <p className="muted">{t('persons.noDecisions')}</p>
      ) : (
        <ol className="decisions">
          {person.decisions.map((decision) => (
            <DecisionItem key={decision.id} decision={decision} mine={mine} canJoin={canReview} onJoin={(record) => confirmWith(record, '')} />
          ))}
        </ol>
      )}
      <p className="muted small">{t('persons.idLine', { id: person.id })}</p>
    </section>
  );
}

/** The name a record writes, as the service forms it: the full name, else its parts. */
function recordNameOf(entry: Pick<RecordEntry, 'fullName' | 'surname' | 'given' | 'patronymic'>): string {
  return entry.fullName ?? ([entry.surname, entry.given, entry.patronymic].filter(Boolean).join(' ') || '—');
}

type TextField = 'given' | 'surname' | 'patronymic' | 'fullName' | 'place' | 'violationKind' | 'text';
const NAME_FIELDS: { key: TextField; label: MessageKey }[] = [
  { key: 'surname', label: 'persons.fieldSurname' },
  { key: 'given', label: 'persons.fieldGiven' },
  { key: 'patronymic', label: 'persons.fieldPatronymic' },
  { key: 'fullName', label: 'persons.fieldFullName' },
];

/** A record's fields in reading order: names, sex, birth, then the violation; only those the list gave. */
function useRecordFacts(): (entry: RecordEntry) => { label: MessageKey; value: string }[] {
  const { t, date } = useI18n();
  return (entry) => {
    const facts: { label: MessageKey; value: string | null }[] = [
      ...NAME_FIELDS.map(({ key, label }) => ({ label, value: entry[key] })),
      { label: 'persons.fieldSex', value: entry.sex ? t(sexLabel[entry.sex]) : null },
      { label: 'persons.fieldBirthDate', value: entry.birthDate ? date(partialDateText(entry.birthDate)) : null },
      { label: 'persons.fieldPlace', value: entry.place },
      { label: 'persons.fieldViolationDate', value: entry.violationDate ? date(partialDateText(entry.violationDate)) : null },
      { label: 'persons.fieldViolationKind', value: entry.violationKind },
      { label: 'persons.fieldText', value: entry.text },
    ];
    return facts.filter((fact): fact is { label: MessageKey; value: string } => fact.value !== null && fact.value !== '');
  };
}

/** One record: the list it came from, its name in the original script, its fields, and the row as read. */
function RecordCard({ entry, canSplit, onSplit }: { entry: RecordEntry; canSplit: boolean; onSplit(note: string): Promise<void> }) {
  const { t } = useI18n();
  const facts = useRecordFacts();
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState('');
  const { busy, error, run } = useRefusableAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      await onSplit(note);
      setAsking(false);
    });
  };
  return (
    <article className="record-card" data-record={entry.id} aria-label={t('persons.recordLabel', { list: entry.list })}>
      <header>
        <span className="tag list-tag">{entry.list}</span>
        <span className="record-name">{recordNameOf(entry)}</span>
        <span className="muted small">
          {entry.row !== null && t('persons.row', { row: entry.row })}
          {entry.externalId !== null && ` · ${t('persons.externalId', { id: entry.externalId })}`}
        </span>
      </header>
      <dl className="facts">
        {facts(entry).map(({ label, value }) => (
          <div key={label} className="fact">
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {entry.origin && (
        <p className="cite-line">
          <Link to={`/documents/${encodeURIComponent(entry.origin.documentId)}?at=${entry.origin.start}`} className="quote-link">
            {t('persons.namedIn', { quote: entry.origin.quote })}
          </Link>
        </p>
      )}
      {entry.raw && Object.keys(entry.raw).length > 0 && (
        <details className="raw">
          <summary>{t('persons.raw')}</summary>
          <table className="grid raw-table">
            <tbody>
              {Object.entries(entry.raw).map(([column, cell]) => (
                <tr key={column}>
                  <th scope="row">{column}</th>
                  <td>{cell}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <p className="hash">{entry.id}</p>
      {canSplit && !asking && (
        <div className="actions">
          <button type="button" className="reject" onClick={() => setAsking(true)}>
            {t('persons.split')}
          </button>
        </div>
      )}
      {canSplit && asking && (
        <form className="split-form" onSubmit={(event) => void submit(event)}>
          <p>{t('persons.splitAsk', { name: recordNameOf(entry), list: entry.list })}</p>
          <label>
            {t('persons.note')}
            <input type="text" autoFocus value={note} maxLength={2000} placeholder={t('persons.notePlaceholder')} onChange={(event) => setNote(event.target.value)} />
          </label>
          <div className="actions">
            <button type="submit" className="reject" disabled={busy} aria-busy={busy}>
              {t('persons.splitConfirm')}
            </button>
            <button type="button" disabled={busy} onClick={() => setAsking(false)}>
              {t('edit.cancel')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}

/** Join another record (or person) to this one: its id, as the list or another person's page shows it. */
function ConfirmForm({ onConfirm }: { onConfirm(other: string, note: string): Promise<void> }) {
  const { t } = useI18n();
  const [other, setOther] = useState('');
  const [note, setNote] = useState('');
  const { busy, error, run } = useRefusableAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      await onConfirm(other.trim(), note);
      setOther('');
      setNote('');
    });
  };
  return (
    <form className="confirm-form" onSubmit={(event) => void submit(event)}>
      <h2>{t('persons.confirmTitle')}</h2>
      <p className="muted">{t('persons.confirmFormHint')}</p>
      <div className="row">
        <label>
          {t('persons.otherId')}
          <input type="text" required pattern="(psn|per)_[0-9A-Za-z]{26}" value={other} placeholder="per_… / psn_…" onChange={(event) => setOther(event.target.value)} />
        </label>
        <label>
          {t('persons.note')}
          <input type="text" value={note} maxLength={2000} placeholder={t('persons.notePlaceholder')} onChange={(event) => setNote(event.target.value)} />
        </label>
        <button type="submit" className="accept" disabled={busy} aria-busy={busy}>
          {t('persons.confirm')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** Undo a split just made: the record and this person are one after all (a confirm decision). */
function JoinBack({ record, onJoin }: { record: string; onJoin(record: string): Promise<void> }) {
  const { t } = useI18n();
  const { busy, error, run } = useRefusableAction();
  const join = () => run(() => onJoin(record));
  return (
    <>
      <button type="button" className="accept" disabled={busy} aria-busy={busy} onClick={() => void join()}>
        {t('persons.joinBack')}
      </button>
      {error && (
        <span className="error" role="alert">
          {' '}
          {error}
        </span>
      )}
    </>
  );
}

function DecisionItem({ decision, mine, canJoin, onJoin }: { decision: Decision; mine: ReadonlySet<string>; canJoin: boolean; onJoin(record: string): Promise<void> }) {
  const { t, date } = useI18n();
  const recordLink = (record: string) => (
    <Link key={record} to={`/persons/${encodeURIComponent(record)}`} className="hash">
      {record}
    </Link>
  );
  return (
    <li className={`decision decision-${decision.kind}`}>
      <div className="decision-head">
        <strong>{decision.kind === 'confirm' ? t('persons.decisionConfirm') : t('persons.decisionSplit')}</strong>
        <span className="muted">{t('persons.decisionBy', { actor: decision.actor, when: date(decision.at) })}</span>
      </div>
      <p className="decision-records">
        {decision.kind === 'confirm' ? (
          <>
            {recordLink(decision.records[0])} = {recordLink(decision.records[1])}
          </>
        ) : (
          <>
            {recordLink(decision.record)} ≠ {decision.apartFrom.map((record, index) => [index > 0 ? ', ' : '', recordLink(record)])}
          </>
        )}
      </p>
      {decision.note && <p className="decision-note">{decision.note}</p>}
      {decision.kind === 'split' && canJoin && !mine.has(decision.record) && decision.apartFrom.some((record) => mine.has(record)) && <JoinBack record={decision.record} onJoin={onJoin} />}
    </li>
  );
}

/** An analyst's action on persons: busy while it runs, and a refusal said in words when it fails. */
function useRefusableAction() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(refusalText(t, failure));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
