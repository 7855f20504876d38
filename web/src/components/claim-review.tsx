import { useState, type FormEvent } from 'react';
import type { ClaimView } from '../../../src/model/api.js';
import { api } from '../api.js';
import { figurePhrase, spanKindOf } from '../claims.js';
import { spanKindLabel } from '../span-kind-labels.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { useSession } from '../session.js';
import { actTypes, figureCategories, vocabularyLabel } from '../vocabulary.js';

const statusLabel: Record<ClaimView['status'], MessageKey> = { proposed: 'status.proposed', accepted: 'status.accepted', edited: 'status.edited', rejected: 'status.rejected' };
const BOUNDS = ['exact', 'at_least', 'more_than', 'about', 'at_most', 'range'];

/** The claim's value in words: an act's type, a figure's phrase, a mention's name, an attribution's source. */
export function useClaimValue(): (claim: Pick<ClaimView, 'kind' | 'property' | 'value'>) => string {
  const { locale, number } = useI18n();
  return (claim) => {
    const value = claim.value as Record<string, unknown> | null;
    switch (claim.kind) {
      case 'act':
        return vocabularyLabel('acts', claim.property, locale);
      case 'figure':
        return `${figurePhrase(value, (bound) => vocabularyLabel('bounds', bound, locale), number)} ${vocabularyLabel('figures', claim.property, locale)}`;
      case 'mention':
        return typeof value?.canonical === 'string' ? value.canonical : '';
      case 'attribution':
        return [value?.source, ...(Array.isArray(value?.via) ? value.via : [])].filter((part): part is string => typeof part === 'string').join(' ← ');
      case 'date':
        return typeof value?.value === 'string' ? value.value : '';
    }
  };
}

export function StatusBadge({ status }: { status: ClaimView['status'] }) {
  const { t } = useI18n();
  return <span className={`status status-${status}`}>{t(statusLabel[status])}</span>;
}

export type ReviewAction = 'accept' | 'reject';

/** Accept or reject with the version the reviewer saw; a conflict reports that someone else was first. */
export async function reviewClaim(claim: ClaimView, action: ReviewAction): Promise<ClaimView> {
  const body = { version: claim.version };
  const response = action === 'accept' ? await api.accept(claim.id, body) : await api.reject(claim.id, body);
  return response.claim;
}

/** One claim: what it says, where, credited to whom, its review state, and (for reviewers) the actions. */
export function ClaimCard({ claim, onReviewed, editing, setEditing }: { claim: ClaimView; onReviewed(claim: ClaimView): void; editing: boolean; setEditing(editing: boolean): void }) {
  const { t, date } = useI18n();
  const { canReview } = useSession();
  const valueOf = useClaimValue();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const kind = spanKindOf(claim);

  const act = async (action: ReviewAction) => {
    setBusy(true);
    setError(null);
    try {
      onReviewed(await reviewClaim(claim, action));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className={`claim-card kind-${kind}`} aria-label={t('claim.label')} data-claim={claim.id}>
      <header>
        <span className={`swatch hl-${kind}`} aria-hidden="true" />
        <span className="claim-kind">{t(spanKindLabel[kind])}</span>
        <StatusBadge status={claim.status} />
      </header>
      <p className="claim-value">{valueOf(claim)}</p>
      <blockquote className="quote">{claim.quote}</blockquote>
      <dl className="facts">
        {claim.attribution && (
          <>
            <dt>{t('claim.attributedTo')}</dt>
            <dd>{[claim.attribution.attributedTo, ...claim.attribution.via].join(' ← ')}</dd>
          </>
        )}
        <dt>{t('claim.span')}</dt>
        <dd>
          {claim.start}–{claim.end}
        </dd>
        <dt>{t('claim.producedBy')}</dt>
        <dd>{claim.producedBy}</dd>
        {claim.reviewedBy && (
          <>
            <dt>{t('claim.reviewedBy')}</dt>
            <dd>
              {claim.reviewedBy} · {date(claim.reviewedAt)}
            </dd>
          </>
        )}
      </dl>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {canReview && !claim.orphaned && !editing && (
        <div className="actions">
          <button type="button" className="accept" disabled={busy || claim.status === 'accepted'} onClick={() => void act('accept')}>
            {t('claim.accept')}
          </button>
          {(claim.kind === 'act' || claim.kind === 'figure' || claim.kind === 'mention') && (
            <button type="button" disabled={busy} onClick={() => setEditing(true)}>
              {t('claim.edit')}
            </button>
          )}
          <button type="button" className="reject" disabled={busy || claim.status === 'rejected'} onClick={() => void act('reject')}>
            {t('claim.reject')}
          </button>
        </div>
      )}
      {canReview && editing && (
        <ClaimEditor
          claim={claim}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            onReviewed(saved);
          }}
        />
      )}
    </article>
  );
}

/** Correct an act's type, a figure's category, bound and numbers, or a mention's name. */
function ClaimEditor({ claim, onSaved, onCancel }: { claim: ClaimView; onSaved(claim: ClaimView): void; onCancel(): void }) {
  const { t, locale } = useI18n();
  const value = (claim.value ?? {}) as Record<string, unknown>;
  const [property, setProperty] = useState(claim.property);
  const [bound, setBound] = useState(typeof value.bound === 'string' ? value.bound : 'exact');
  const [low, setLow] = useState(typeof value.value === 'number' ? String(value.value) : '');
  const [high, setHigh] = useState(typeof value.max === 'number' ? String(value.max) : '');
  const [canonical, setCanonical] = useState(typeof value.canonical === 'string' ? value.canonical : '');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      let body;
      if (claim.kind === 'figure') {
        const max = bound === 'range' ? Number(high) : null;
        body = { version: claim.version, property, value: { category: property, value: Number(low), max, bound } };
      } else if (claim.kind === 'act') body = { version: claim.version, property, value: { ...value, type: property } };
      else body = { version: claim.version, value: { canonical: canonical.trim() } };
      onSaved((await api.edit(claim.id, body)).claim);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <form className="claim-editor" onSubmit={(event) => void submit(event)}>
      {claim.kind === 'act' && (
        <label>
          {t('edit.actType')}
          <select value={property} onChange={(event) => setProperty(event.target.value)}>
            {actTypes.map((type) => (
              <option key={type} value={type}>
                {vocabularyLabel('acts', type, locale)}
              </option>
            ))}
          </select>
        </label>
      )}
      {claim.kind === 'figure' && (
        <>
          <label>
            {t('edit.category')}
            <select value={property} onChange={(event) => setProperty(event.target.value)}>
              {figureCategories.map((category) => (
                <option key={category} value={category}>
                  {vocabularyLabel('figures', category, locale)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('edit.bound')}
            <select value={bound} onChange={(event) => setBound(event.target.value)}>
              {BOUNDS.map((key) => (
                <option key={key} value={key}>
                  {vocabularyLabel('bounds', key, locale)}
                </option>
              ))}
            </select>
          </label>
          <div className="row">
            <label>
              {t('edit.value')}
              <input type="number" min={0} required value={low} onChange={(event) => setLow(event.target.value)} />
            </label>
            {bound === 'range' && (
              <label>
                {t('edit.max')}
                <input type="number" min={0} required value={high} onChange={(event) => setHigh(event.target.value)} />
              </label>
            )}
          </div>
        </>
      )}
      {claim.kind === 'mention' && (
        <label>
          {t('edit.canonical')}
          <input required value={canonical} onChange={(event) => setCanonical(event.target.value)} />
        </label>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {t('edit.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('edit.cancel')}
        </button>
      </div>
    </form>
  );
}
