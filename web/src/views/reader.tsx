import { useEffect, useMemo, useRef, useState } from 'react';
import type { ClaimView, DocumentDetail } from '../../../src/model/api.js';
import { api } from '../api.js';
import { SPAN_KINDS, segmentText, spanKindOf, type SpanKind } from '../claims.js';
import { spanKindLabel } from '../span-kind-labels.js';
import { ClaimCard, reviewClaim, useClaimValue } from '../components/claim-review.js';
import { Empty, Loaded } from '../components/states.js';
import { useI18n } from '../i18n/i18n.js';
import { Link, useRouter } from '../router.js';
import { useSession } from '../session.js';
import { useApi } from '../use-api.js';

/** A document with its claims highlighted by kind; a click opens the claim beside the text for review. */
export function ReaderView({ id }: { id: string }) {
  const [detail, , update] = useApi((signal) => api.document(id, signal), id);
  const { location } = useRouter();
  const at = Number(location.query.get('at') ?? Number.NaN);
  return (
    <Loaded value={detail}>
      {(data) => (
        <Reader
          key={id}
          detail={data}
          initialAt={Number.isInteger(at) ? at : null}
          onReviewed={(claim) => update((previous) => ({ ...previous, claims: previous.claims.map((existing) => (existing.id === claim.id ? claim : existing)) }))}
        />
      )}
    </Loaded>
  );
}

/** Only http(s) addresses become links, and they open without referrer or opener. */
function SafeUrl({ url }: { url: string }) {
  let safe = false;
  try {
    const parsed = new URL(url);
    safe = parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    safe = false;
  }
  return safe ? (
    <a href={url} rel="noopener noreferrer nofollow" target="_blank">
      {url}
    </a>
  ) : (
    <span>{url}</span>
  );
}

function Reader({ detail, initialAt, onReviewed }: { detail: DocumentDetail; initialAt: number | null; onReviewed(claim: ClaimView): void }) {
  const { t, date } = useI18n();
  const { document, claims } = detail;
  const [shown, setShown] = useState<Set<SpanKind>>(() => new Set(SPAN_KINDS.filter((kind) => kind !== 'date')));
  const [showRejected, setShowRejected] = useState(false);
  const [selected, setSelected] = useState<{ offset: number; claimId: string } | null>(() => {
    if (initialAt === null) return null;
    const here = claims.filter((claim) => claim.start <= initialAt && initialAt < claim.end).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    return here ? { offset: initialAt, claimId: here.id } : null;
  });
  const [editing, setEditing] = useState(false);
  const [keyError, setKeyError] = useState<string | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const { canReview } = useSession();

  const visible = useMemo(() => claims.filter((claim) => shown.has(spanKindOf(claim)) && (showRejected || claim.status !== 'rejected') && !claim.orphaned), [claims, shown, showRejected]);
  const segments = useMemo(() => segmentText(document.text.length, visible), [document.text.length, visible]);
  const counts = useMemo(() => {
    const result = new Map<SpanKind, number>();
    for (const claim of claims) if (claim.status !== 'rejected') result.set(spanKindOf(claim), (result.get(spanKindOf(claim)) ?? 0) + 1);
    return result;
  }, [claims]);
  const proposed = claims.filter((claim) => claim.status === 'proposed').length;

  useEffect(() => {
    if (initialAt === null) return;
    textRef.current?.querySelector('.selected')?.scrollIntoView({ block: 'center' });
  }, [initialAt]);

  const here = selected ? claims.filter((claim) => claim.start <= selected.offset && selected.offset < claim.end && (showRejected || claim.status !== 'rejected' || claim.id === selected.claimId)).sort((a, b) => a.end - a.start - (b.end - b.start)) : [];
  const current = selected ? claims.find((claim) => claim.id === selected.claimId) : undefined;

  // Keys, as in the review queue: j/k move from claim to claim in reading order, a/r/e review the selected one.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target;
      if (event.ctrlKey || event.metaKey || event.altKey || editing) return;
      if (target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName))) return;
      const ordered = [...visible].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
      const position = current ? ordered.findIndex((claim) => claim.id === current.id) : -1;
      if (event.key === 'j' || event.key === 'k') {
        const next = ordered[event.key === 'j' ? position + 1 : position < 0 ? ordered.length - 1 : position - 1];
        if (!next) return;
        event.preventDefault();
        setSelected({ offset: next.start, claimId: next.id });
        requestAnimationFrame(() => textRef.current?.querySelector('.selected')?.scrollIntoView({ block: 'nearest' }));
      } else if ((event.key === 'a' || event.key === 'r') && canReview && current && !current.orphaned) {
        event.preventDefault();
        setKeyError(null);
        reviewClaim(current, event.key === 'a' ? 'accept' : 'reject').then(onReviewed, (failure: unknown) => setKeyError(failure instanceof Error ? failure.message : String(failure)));
      } else if (event.key === 'e' && canReview && current && ['act', 'figure', 'mention'].includes(current.kind)) {
        event.preventDefault();
        setEditing(true);
      } else if (event.key === 'Escape') {
        setSelected(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const toggle = (kind: SpanKind) =>
    setShown((previous) => {
      const next = new Set(previous);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });

  return (
    <section className="reader">
      <div className="view-head">
        <div>
          <p className="breadcrumb">
            <Link to="/">{t('nav.library')}</Link>
          </p>
          <h1 className="doc-heading">{document.title ?? document.origin}</h1>
          <p className="meta">
            {document.source ?? t('common.unknownSource')} · {date(document.publishedAt)} · <span className="lang">{document.language ?? '—'}</span>
            {document.author && ` · ${document.author}`}
            {' · '}
            {t('reader.claimCount', { count: claims.length })} · {t('reader.proposedCount', { count: proposed })}
          </p>
        </div>
      </div>
      <div className="reader-body">
        <div className="reader-main">
          <div className="legend" role="group" aria-label={t('reader.legend')}>
            {SPAN_KINDS.map((kind) => (
              <label key={kind} className="legend-item">
                <input type="checkbox" checked={shown.has(kind)} onChange={() => toggle(kind)} />
                <span className={`hl hl-${kind}`}>{t(spanKindLabel[kind])}</span>
                <span className="muted">{counts.get(kind) ?? 0}</span>
              </label>
            ))}
            <label className="legend-item">
              <input type="checkbox" checked={showRejected} onChange={() => setShowRejected((value) => !value)} />
              <span>{t('reader.showRejected')}</span>
            </label>
          </div>
          <div className="document-text" ref={textRef} lang={document.language ?? undefined}>
            {segments.map((segment) => {
              const text = document.text.slice(segment.start, segment.end);
              const top = segment.claims[0];
              if (!top) return <span key={segment.start}>{text}</span>;
              const kinds = [...new Set(segment.claims.map(spanKindOf))];
              const isSelected = current !== undefined && segment.claims.some((claim) => claim.id === current.id);
              const outer = segment.claims.slice(1).map(spanKindOf).filter((kind) => kind !== spanKindOf(top));
              return (
                <span
                  key={segment.start}
                  role="button"
                  tabIndex={-1}
                  title={kinds.map((kind) => t(spanKindLabel[kind])).join(', ')}
                  className={`hl hl-${spanKindOf(top)} st-${top.status}${outer.length ? ` in-${outer[0]}` : ''}${isSelected ? ' selected' : ''}`}
                  data-claim={top.id}
                  onClick={() => {
                    setEditing(false);
                    setSelected({ offset: segment.start, claimId: top.id });
                  }}
                >
                  {text}
                </span>
              );
            })}
          </div>
          {document.warnings.length > 0 && (
            <ul className="warnings">
              {document.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          )}
        </div>
        <aside className="reader-side" aria-label={t('reader.claimPanel')}>
          {current ? (
            <>
              {here.length > 1 && <ClaimsHere claims={here} selectedId={current.id} onSelect={(claim) => { setEditing(false); setSelected({ offset: selected?.offset ?? claim.start, claimId: claim.id }); }} />}
              <ClaimCard claim={current} onReviewed={onReviewed} editing={editing} setEditing={setEditing} />
              {keyError && (
                <p className="error" role="alert">
                  {keyError}
                </p>
              )}
            </>
          ) : (
            <Empty title={t('reader.pickSpan')} hint={claims.length === 0 ? t('reader.noClaims') : t('reader.pickSpanHint')} />
          )}
          <p className="shortcuts compact" aria-label={t('review.shortcuts')}>
            <span>
              <kbd>j</kbd>/<kbd>k</kbd> {t('reader.keyMove')}
            </span>
            {canReview && (
              <span>
                <kbd>a</kbd> <kbd>r</kbd> <kbd>e</kbd> {t('reader.keyReview')}
              </span>
            )}
          </p>
          <dl className="facts doc-facts">
            <dt>{t('reader.origin')}</dt>
            <dd className="break">{document.origin}</dd>
            {document.canonicalUrl && (
              <>
                <dt>{t('reader.canonicalUrl')}</dt>
                <dd className="break">
                  <SafeUrl url={document.canonicalUrl} />
                </dd>
              </>
            )}
            <dt>{t('reader.captured')}</dt>
            <dd>{date(document.capturedAt)}</dd>
            <dt>SHA-256</dt>
            <dd className="hash">{document.sha256}</dd>
          </dl>
        </aside>
      </div>
    </section>
  );
}

/** Where spans nest (a name inside an act's sentence), every claim at the clicked place. */
function ClaimsHere({ claims, selectedId, onSelect }: { claims: ClaimView[]; selectedId: string; onSelect(claim: ClaimView): void }) {
  const { t } = useI18n();
  const valueOf = useClaimValue();
  return (
    <div className="claims-here">
      <p className="muted">{t('reader.claimsHere', { count: claims.length })}</p>
      <ul>
        {claims.map((claim) => (
          <li key={claim.id}>
            <button type="button" className={claim.id === selectedId ? 'chip active' : 'chip'} onClick={() => onSelect(claim)}>
              <span className={`swatch hl-${spanKindOf(claim)}`} aria-hidden="true" /> {t(spanKindLabel[spanKindOf(claim)])}: {valueOf(claim)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
