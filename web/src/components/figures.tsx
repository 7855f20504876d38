import type { IncidentDetail, IncidentList } from '../../../src/model/api.js';
import { figurePhrase } from '../claims.js';
import { useI18n } from '../i18n/i18n.js';
import { vocabularyLabel } from '../vocabulary.js';

type FigureRange = IncidentList['incidents'][number]['figures'][number];
export type FigureWithStatements = IncidentDetail['figures'][number];

/**
 * The range sources give for a figure: "12–40", "40", or "≥ 12" when some source leaves it open
 * ("at least 12"). With the statements at hand, an open range shows the largest number stated: "12–100+".
 */
export function useRangeText(): (figure: Pick<FigureRange, 'low' | 'high'>, statements?: { value: number; max: number | null }[]) => string {
  const { number } = useI18n();
  return (figure, statements) => {
    if (figure.high === null) {
      const largest = statements && statements.length > 0 ? Math.max(...statements.map((statement) => statement.max ?? statement.value)) : figure.low;
      return largest > figure.low ? `${number(figure.low)}–${number(largest)}+` : `≥ ${number(figure.low)}`;
    }
    return figure.high !== figure.low ? `${number(figure.low)}–${number(figure.high)}` : number(figure.low);
  };
}

/** A statement's figure as the document words it: "at least 40". */
export function useStatementText(): (statement: { value: number; max: number | null; bound: string }) => string {
  const { locale, number } = useI18n();
  return (statement) => figurePhrase(statement, (bound) => vocabularyLabel('bounds', bound, locale), number);
}

/** Conflict marker in shape and words, not colour alone: ⚠ conflict, ≠ differ, = agree. */
export function AgreementMarker({ figure }: { figure: Pick<FigureRange, 'conflict' | 'differ'> }) {
  const { t } = useI18n();
  if (figure.conflict)
    return (
      <span className="marker conflict" title={t('figure.conflictHint')}>
        <span aria-hidden="true">⚠</span> {t('figure.conflict')}
      </span>
    );
  if (figure.differ)
    return (
      <span className="marker differ" title={t('figure.differHint')}>
        <span aria-hidden="true">≠</span> {t('figure.differ')}
      </span>
    );
  return (
    <span className="marker agree">
      <span aria-hidden="true">=</span> {t('figure.agree')}
    </span>
  );
}

/** A compact figure range for lists: "killed 3–27 ⚠ · 4 sources". */
export function FigureChip({ figure }: { figure: FigureRange }) {
  const { t, locale } = useI18n();
  const range = useRangeText();
  return (
    <span className={`figure-chip${figure.conflict ? ' has-conflict' : ''}`}>
      <span className="figure-what">{vocabularyLabel('figures', figure.what, locale)}</span> <strong>{range(figure)}</strong>
      {figure.conflict && (
        <span className="conflict-glyph" title={t('figure.conflict')} aria-label={t('figure.conflict')}>
          ⚠
        </span>
      )}
      <span className="muted"> · {t('figure.sources', { count: figure.independentSources })}</span>
    </span>
  );
}
