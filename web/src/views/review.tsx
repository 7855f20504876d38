import { useEffect, useRef, useState } from 'react';
import type { ClaimView, ReviewQueue } from '../../../src/model/api.js';
import { api } from '../api.js';
import { spanKindOf } from '../claims.js';
import { spanKindLabel } from '../span-kind-labels.js';
import { ClaimCard, reviewClaim, StatusBadge, useClaimValue } from '../components/claim-review.js';
import { ClaimContext } from '../components/claim-context.js';
import { DocumentCitation } from '../components/document-ref.js';
import { Empty, Loaded } from '../components/states.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { useRouter } from '../router.js';
import { useSession } from '../session.js';
import { useApi } from '../use-api.js';

type QueueItem = ReviewQueue['claims'][number];
const KINDS = ['act', 'figure', 'mention', 'attribution', 'date'] as const;
const kindFilterLabel: Record<(typeof KINDS)[number], MessageKey> = { act: 'kind.act', figure: 'kind.figure', mention: 'kind.mention', attribution: 'kind.attribution', date: 'kind.date' };
const PAGE = 100;

/** Proposed claims to review, oldest or most-cited first, driven from the keyboard. */
export function ReviewView() {
  const { t } = useI18n();
  const { location, navigate } = useRouter();
  const order = location.query.get('order') === 'most-cited' ? 'most-cited' : 'oldest';
  const kind = location.query.get('kind') ?? '';
  const key = `${order}|${kind}`;
  const [queue, reload] = useApi((signal) => api.queue({ order, kind, limit: PAGE }, signal), key);
  const set = (change: { order?: string; kind?: string }) => {
    const params = new URLSearchParams();
    const nextOrder = change.order ?? order;
    const nextKind = change.kind ?? kind;
    if (nextOrder !== 'oldest') params.set('order', nextOrder);
    if (nextKind) params.set('kind', nextKind);
    const text = params.toString();
    navigate(text ? `/review?${text}` : '/review', { replace: true });
  };
  return (
    <section className="review">
      <div className="view-head">
        <h1>{t('review.title')}</h1>
        <div className="filters inline">
          <label>
            {t('review.order')}
            <select value={order} onChange={(event) => set({ order: event.target.value })}>
              <option value="oldest">{t('review.oldest')}</option>
              <option value="most-cited">{t('review.mostCited')}</option>
            </select>
          </label>
          <label>
            {t('review.kind')}
            <select value={kind} onChange={(event) => set({ kind: event.target.value })}>
              <option value="">{t('review.anyKind')}</option>
              {KINDS.map((value) => (
                <option key={value} value={value}>
                  {t(kindFilterLabel[value])}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <Loaded value={queue}>{(data) => (data.claims.length === 0 ? <Empty title={t('review.empty')} hint={t('review.emptyHint')} /> : <Queue key={key} initial={data} onExhausted={reload} />)}</Loaded>
    </section>
  );
}

const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));

function Queue({ initial, onExhausted }: { initial: ReviewQueue; onExhausted(): void }) {
  const { t } = useI18n();
  const { canReview } = useSession();
  const { navigate } = useRouter();
  const valueOf = useClaimValue();
  const [items, setItems] = useState<QueueItem[]>(initial.claims);
  const [reviewed, setReviewed] = useState(0);
  const [index, setIndex] = useState(0);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const current = items[Math.min(index, items.length - 1)];

  /** A reviewed claim leaves the queue; the cursor stays on the next one. */
  const done = (claim: ClaimView) => {
    setItems((previous) => previous.filter((item) => item.id !== claim.id));
    setReviewed((count) => count + 1);
    setEditing(false);
  };

  useEffect(() => {
    listRef.current?.querySelector('.current')?.scrollIntoView({ block: 'nearest' });
  }, [index]);
  // Keys act on the queue at once: focus leaves the navigation link that brought the reviewer here.
  useEffect(() => {
    listRef.current?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || editing || !current) return;
      const move = (by: number) => setIndex((value) => Math.max(0, Math.min(items.length - 1, value + by)));
      switch (event.key) {
        case 'j':
        case 'ArrowDown':
          move(1);
          break;
        case 'k':
        case 'ArrowUp':
          move(-1);
          break;
        case 'a':
        case 'r':
          if (!canReview) return;
          setMessage(null);
          reviewClaim(current, event.key === 'a' ? 'accept' : 'reject').then(done, (failure: unknown) => setMessage(failure instanceof Error ? failure.message : String(failure)));
          break;
        case 'e':
          if (!canReview || !['act', 'figure', 'mention'].includes(current.kind)) return;
          setEditing(true);
          break;
        case 'o':
          navigate(`/documents/${encodeURIComponent(current.documentId)}?at=${current.start}`);
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!current)
    return (
      <div className="empty">
        <p className="empty-title">{t('review.pageDone', { count: reviewed })}</p>
        <button type="button" className="primary" onClick={onExhausted}>
          {t('review.loadMore')}
        </button>
      </div>
    );

  return (
    <>
      <div className="shortcuts" aria-label={t('review.shortcuts')}>
        <span>
          <kbd>j</kbd>/<kbd>k</kbd> {t('review.keyMove')}
        </span>
        {canReview && (
          <>
            <span>
              <kbd>a</kbd> {t('review.keyAccept')}
            </span>
            <span>
              <kbd>r</kbd> {t('review.keyReject')}
            </span>
            <span>
              <kbd>e</kbd> {t('review.keyEdit')}
            </span>
          </>
        )}
        <span>
          <kbd>o</kbd> {t('review.keyOpen')}
        </span>
        <span className="muted">{t('review.progress', { count: items.length, total: initial.total - reviewed, reviewed })}</span>
      </div>
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
      <div className="review-body">
        <ol className="queue" ref={listRef} tabIndex={-1} aria-label={t('review.list')}>
          {items.map((item, position) => {
            const kind = spanKindOf(item);
            return (
              <li key={item.id} className={item === current ? 'current' : ''} aria-current={item === current ? 'true' : undefined}>
                <button
                  type="button"
                  onClick={() => {
                    setEditing(false);
                    setIndex(position);
                  }}
                >
                  <span className={`swatch hl-${kind}`} aria-hidden="true" />
                  <span className="queue-kind">{t(spanKindLabel[kind])}</span>
                  <span className="queue-value">{valueOf(item)}</span>
                  <span className="queue-quote">{item.quote}</span>
                  <span className="queue-cited" title={t('review.citedByHint')}>
                    ×{item.citedBy}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
        <div className="review-side">
          <p className="cite-line">
            <DocumentCitation document={current.document} at={current.start} />
          </p>
          <p className="muted small">
            {t('review.citedBy', { count: current.citedBy })} · <StatusBadge status={current.status} />
          </p>
          <ClaimContext documentId={current.documentId} start={current.start} end={current.end} />
          <ClaimCard key={current.id} claim={current} onReviewed={done} editing={editing} setEditing={setEditing} />
        </div>
      </div>
    </>
  );
}
