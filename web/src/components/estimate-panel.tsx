import { useState, type FormEvent } from 'react';
import type { EstimateResponse } from '../../../src/model/api.js';
import { api } from '../api.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { intervalScale, refusalText } from '../persons.js';

type Outcome = Omit<EstimateResponse, 'lists' | 'stratifiedBy' | 'strata'>;
type Figures = NonNullable<Outcome['estimate']>;
const STRATA: { value: string; label: MessageKey }[] = [
  { value: '', label: 'estimate.pooled' },
  { value: 'sex', label: 'estimate.bySex' },
  { value: 'kind', label: 'estimate.byKind' },
  { value: 'place', label: 'estimate.byPlace' },
  { value: 'year', label: 'estimate.byYear' },
];
const selectedByLabel: Record<Figures['selectedBy'], MessageKey> = { bic: 'estimate.selectedBic', named: 'estimate.selectedNamed', 'per stratum': 'estimate.selectedStrata' };

/**
 * Multiple systems estimation from the view: choose two or more lists (and strata), see the overlap
 * table, the model, N with its interval drawn, and every candidate model; or, when the lists cannot
 * support an estimate, the reasons instead of a number.
 */
export function EstimatePanel({ lists }: { lists: readonly string[] }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<string[]>([]);
  const [strata, setStrata] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<EstimateResponse | null>(null);
  // Keep the order of the lists as the server gives them: it is the order of the pattern digits.
  const toggle = (name: string) => setChosen((previous) => lists.filter((candidate) => (candidate === name ? !previous.includes(name) : previous.includes(candidate))));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setResult(await api.estimate({ lists: chosen, ...(strata ? { strata } : {}) }));
    } catch (failure) {
      setResult(null);
      setError(refusalText(t, failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel estimate-panel" aria-labelledby="estimate-title">
      <h2 id="estimate-title">{t('estimate.title')}</h2>
      <p className="muted">{t('estimate.intro')}</p>
      <form className="estimate-form" onSubmit={(event) => void submit(event)}>
        <fieldset>
          <legend>{t('estimate.lists')}</legend>
          {lists.map((name) => (
            <label key={name} className="check">
              <input type="checkbox" checked={chosen.includes(name)} onChange={() => toggle(name)} /> {name}
            </label>
          ))}
        </fieldset>
        <label className="strata">
          {t('estimate.strata')}
          <select value={strata} onChange={(event) => setStrata(event.target.value)}>
            {STRATA.map((option) => (
              <option key={option.value} value={option.value}>
                {t(option.label)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={busy || chosen.length < 2} aria-busy={busy}>
          {busy ? t('estimate.running') : t('estimate.run')}
        </button>
        {chosen.length < 2 && <span className="muted small">{t('estimate.chooseTwo')}</span>}
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result && <EstimateResult result={result} />}
    </section>
  );
}

function EstimateResult({ result }: { result: EstimateResponse }) {
  const { t } = useI18n();
  return (
    <div className="estimate-result" aria-live="polite">
      <OutcomeBlock outcome={result} lists={result.lists} />
      {result.stratifiedBy !== null && result.strata.length > 0 && (
        <>
          <h3>{t('estimate.strataTitle')}</h3>
          <StrataTable strata={result.strata} />
        </>
      )}
    </div>
  );
}

/** One estimate (pooled or a stratum's sum): figures and interval, or the reasons there are none. */
function OutcomeBlock({ outcome, lists }: { outcome: Outcome; lists: readonly string[] }) {
  const { t } = useI18n();
  return (
    <>
      {outcome.estimate ? (
        <Figures figures={outcome.estimate} observed={outcome.table.observed} />
      ) : (
        <div className="estimate-problems" role="alert">
          <p className="empty-title">{t('estimate.none')}</p>
          <ul>
            {outcome.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {outcome.warnings.length > 0 && (
        <ul className="warnings estimate-warnings" aria-label={t('estimate.warnings')}>
          {outcome.warnings.map((warning) => (
            <li key={warning}>⚠ {warning}</li>
          ))}
        </ul>
      )}
      <h3>{t('estimate.overlap')}</h3>
      <OverlapTable table={outcome.table} lists={lists} />
      {outcome.estimate && outcome.estimate.models.length > 0 && (
        <>
          <h3>{t('estimate.models')}</h3>
          <ModelsTable figures={outcome.estimate} />
        </>
      )}
    </>
  );
}

function Figures({ figures, observed }: { figures: Figures; observed: number }) {
  const { t, number } = useI18n();
  const limit = (value: number | null) => (value === null ? t('estimate.unbounded') : number(value));
  const interval = figures.ci95 ?? figures.ci95Lognormal;
  return (
    <div className="estimate-figures">
      <div className="estimate-headline">
        <div>
          <span className="tile-label">{t('estimate.n')}</span>
          <span className="estimate-n">{number(figures.N)}</span>
        </div>
        <div>
          <span className="tile-label">{figures.ci95 ? t('estimate.ci95') : t('estimate.ci95Lognormal')}</span>
          <span className="estimate-interval">{t('estimate.range', { low: limit(interval[0]), high: limit(interval[1]) })}</span>
        </div>
        <div>
          <span className="tile-label">{t('estimate.se')}</span>
          <span className="estimate-se">{figures.se === null ? '—' : `± ${number(figures.se)}`}</span>
        </div>
      </div>
      <IntervalBar n={figures.N} low={interval[0]} high={interval[1]} observed={observed} />
      <dl className="facts">
        <dt>{t('estimate.observed')}</dt>
        <dd>{number(observed)}</dd>
        <dt>{t('estimate.unobserved')}</dt>
        <dd>{figures.unobserved === null ? '—' : number(figures.unobserved)}</dd>
        {figures.ci95 && (
          <>
            <dt>{t('estimate.ci95Lognormal')}</dt>
            <dd>{t('estimate.range', { low: limit(figures.ci95Lognormal[0]), high: limit(figures.ci95Lognormal[1]) })}</dd>
          </>
        )}
        <dt>{t('estimate.model')}</dt>
        <dd>
          {figures.model ?? t('estimate.sumOfStrata')} <span className="muted">({t(selectedByLabel[figures.selectedBy])})</span>
        </dd>
        {figures.deviance !== null && (
          <>
            <dt>{t('estimate.fit')}</dt>
            <dd>{t('estimate.deviance', { deviance: number(figures.deviance), df: figures.df ?? '—' })}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

/**
 * The interval drawn on a scale from zero: the people seen on the lists, the interval as a bar and N
 * as a point. Positions are SVG percentages, so the text keeps its size at any width (no inline style).
 */
function IntervalBar({ n, low, high, observed }: { n: number; low: number | null; high: number | null; observed: number }) {
  const { t, number } = useI18n();
  const scale = intervalScale([observed, n, low, high]);
  const x = (value: number) => `${(4 + 92 * scale.at(value)).toFixed(2)}%`;
  const lowX = x(low ?? 0);
  const highX = high === null ? '100%' : x(high);
  const summary = t('estimate.barSummary', { n: number(n), low: low === null ? t('estimate.unbounded') : number(low), high: high === null ? t('estimate.unbounded') : number(high), observed: number(observed) });
  return (
    <svg className="interval-bar" width="100%" height="58" role="img" aria-label={summary}>
      <title>{summary}</title>
      <line className="axis" x1="4%" x2="96%" y1="40" y2="40" />
      {scale.ticks.map((tick) => (
        <g key={tick}>
          <line className="tick" x1={x(tick)} x2={x(tick)} y1="40" y2="44" />
          <text className="tick-label" x={x(tick)} y="56" textAnchor="middle">
            {number(tick)}
          </text>
        </g>
      ))}
      <line className={high === null ? 'interval open' : 'interval'} x1={lowX} x2={highX} y1="24" y2="24" />
      <line className="observed" x1={x(observed)} x2={x(observed)} y1="12" y2="40" />
      <text className="observed-label" x={x(observed)} y="9" textAnchor="end">
        {t('estimate.seen', { count: observed })}
      </text>
      <circle className="point" cx={x(n)} cy="24" r="5" />
    </svg>
  );
}

/** People by pattern of lists: a ✓ for each list a pattern is on, and how many people have it. */
function OverlapTable({ table, lists }: { table: Outcome['table']; lists: readonly string[] }) {
  const { t, number } = useI18n();
  const patterns = Object.keys(table.counts).sort((a, b) => b.split('1').length - a.split('1').length || b.localeCompare(a));
  const names = table.lists.length > 0 ? table.lists : lists;
  return (
    <div className="table-scroll">
      <table className="grid overlap-table">
        <thead>
          <tr>
            {names.map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
            <th className="num" scope="col">
              {t('estimate.people')}
            </th>
          </tr>
        </thead>
        <tbody>
          {patterns.map((pattern) => (
            <tr key={pattern} data-pattern={pattern}>
              {names.map((name, index) => (
                <td key={name} className="on-list">
                  {pattern[index] === '1' ? <span aria-label={t('estimate.onList')}>✓</span> : <span className="muted" aria-label={t('estimate.notOnList')}>–</span>}
                </td>
              ))}
              <td className={`num${table.counts[pattern] === 0 ? ' zero' : ''}`}>{number(table.counts[pattern] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={names.length}>
              {t('estimate.observedTotal')}
            </th>
            <td className="num">{number(table.observed)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Every candidate model, lowest BIC first; the chosen one marked in words, failed ones with their reason. */
function ModelsTable({ figures }: { figures: Figures }) {
  const { t, number } = useI18n();
  const value = (figure: number | null) => (figure === null ? '—' : number(figure));
  return (
    <div className="table-scroll">
      <table className="grid models-table">
        <thead>
          <tr>
            <th scope="col">{t('estimate.model')}</th>
            <th className="num" scope="col">
              N
            </th>
            <th className="num" scope="col">
              {t('estimate.seShort')}
            </th>
            <th className="num" scope="col">
              AIC
            </th>
            <th className="num" scope="col">
              BIC
            </th>
            <th scope="col">{t('estimate.note')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.models.map((model) => (
            <tr key={model.model} className={model.model === figures.model ? 'chosen' : ''}>
              <td className="mono">{model.model}</td>
              <td className="num">{value(model.N)}</td>
              <td className="num">{value(model.se)}</td>
              <td className="num">{value(model.aic)}</td>
              <td className="num">{value(model.bic)}</td>
              <td>{model.model === figures.model ? <strong>{t('estimate.chosen')}</strong> : (model.problem ?? '')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Each stratum: what was seen, and its estimate with the interval, or why there is none. */
function StrataTable({ strata }: { strata: EstimateResponse['strata'] }) {
  const { t, number } = useI18n();
  const limit = (value: number | null) => (value === null ? t('estimate.unbounded') : number(value));
  return (
    <div className="table-scroll">
      <table className="grid strata-table">
        <thead>
          <tr>
            <th scope="col">{t('estimate.stratum')}</th>
            <th className="num" scope="col">
              {t('estimate.observed')}
            </th>
            <th className="num" scope="col">
              N
            </th>
            <th scope="col">{t('estimate.interval')}</th>
            <th scope="col">{t('estimate.model')}</th>
          </tr>
        </thead>
        <tbody>
          {strata.map((stratum) => {
            const interval = stratum.estimate ? (stratum.estimate.ci95 ?? stratum.estimate.ci95Lognormal) : null;
            return (
              <tr key={stratum.name}>
                <td>{stratum.name}</td>
                <td className="num">{number(stratum.table.observed)}</td>
                {stratum.estimate && interval ? (
                  <>
                    <td className="num">{number(stratum.estimate.N)}</td>
                    <td className="nowrap">{t('estimate.range', { low: limit(interval[0]), high: limit(interval[1]) })}</td>
                    <td className="mono">{stratum.estimate.model}</td>
                  </>
                ) : (
                  <td colSpan={3} className="stratum-problem">
                    {t('estimate.noneShort')}: {stratum.problems.join('; ')}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
