import { patternOf, type EstimateResult, type ModelOutcome, type OverlapTable } from '../../estimate/index.js';
import type { EstimateResponse } from '../../model/api.js';
import type { PersonsEstimate } from '../../services/persons.service.js';

/*
 * An estimate as the API answers it: the overlap table by pattern, the chosen model's figures with
 * every candidate, and, when the data cannot support an estimate, no figures but the reasons.
 * Numbers are rounded as `chronicle estimate --json` rounds them; unbounded limits become null.
 */

type Outcome = Omit<EstimateResponse['strata'][number], 'name'>;

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
/** One decimal; an infinite value (an unbounded limit) is null. */
const figure = (value: number) => (Number.isFinite(value) ? round(value, 1) : null);
const criterion = (value: number | null) => (value === null || !Number.isFinite(value) ? null : round(value, 2));

export const tableView = (table: OverlapTable) => ({
  lists: table.lists,
  counts: Object.fromEntries(table.counts.flatMap((n, mask) => (mask === 0 ? [] : [[patternOf(mask, table.lists.length), n]]))),
  observed: table.observed,
});

const bicOf = (outcome: ModelOutcome) => (outcome.ok ? (outcome.fit.bic ?? Infinity) : Infinity);

const modelView = (outcome: ModelOutcome) =>
  outcome.ok
    ? { model: outcome.fit.model, N: figure(outcome.fit.N), se: figure(outcome.fit.se), aic: criterion(outcome.fit.aic), bic: criterion(outcome.fit.bic), problem: null }
    : { model: outcome.model, N: null, se: null, aic: null, bic: null, problem: outcome.problem };

/** One table's estimate (pooled, or one stratum's). */
export function outcomeView(table: OverlapTable, result: EstimateResult): Outcome {
  const models = [...result.models].sort((a, b) => bicOf(a) - bicOf(b)).map(modelView);
  if (!result.ok) return { table: tableView(table), estimate: null, problems: result.problems, warnings: [] };
  const { chosen } = result;
  return {
    table: tableView(table),
    estimate: {
      model: chosen.model,
      selectedBy: result.selectedBy,
      N: round(chosen.N, 1),
      se: figure(chosen.se),
      unobserved: figure(chosen.unobserved),
      ci95: chosen.ci95 ? [figure(chosen.ci95[0]), figure(chosen.ci95[1])] : null,
      ci95Lognormal: [figure(chosen.ci95Lognormal[0]), figure(chosen.ci95Lognormal[1])],
      deviance: round(chosen.deviance, 3),
      df: chosen.df,
      models,
    },
    problems: [],
    warnings: result.warnings,
  };
}

/** The whole answer of GET /api/estimates: pooled, or per stratum with their sum on top. */
export function estimateView(estimate: PersonsEstimate): EstimateResponse {
  if (estimate.stratifiedBy === null) return { lists: estimate.lists, stratifiedBy: null, ...outcomeView(estimate.table, estimate.result), strata: [] };
  const { result } = estimate;
  const strata = estimate.strata.map((stratum, index) => {
    const own = result.strata[index];
    const view = own ? outcomeView(stratum.table, own.result) : { table: tableView(stratum.table), estimate: null, problems: ['not estimated'], warnings: [] };
    return { name: stratum.name, ...view };
  });
  const warnings = strata.flatMap((stratum) => stratum.warnings.map((warning) => `${estimate.stratifiedBy} ${stratum.name}: ${warning}`));
  if (!result.ok) return { lists: estimate.lists, stratifiedBy: estimate.stratifiedBy, table: tableView(estimate.table), estimate: null, problems: result.problems, warnings, strata };
  return {
    lists: estimate.lists,
    stratifiedBy: estimate.stratifiedBy,
    table: tableView(estimate.table),
    estimate: {
      model: null,
      selectedBy: 'per stratum',
      N: round(result.N, 1),
      se: figure(result.se),
      unobserved: figure(result.N - result.observed),
      ci95: null,
      ci95Lognormal: [figure(result.ci95Lognormal[0]), figure(result.ci95Lognormal[1])],
      deviance: null,
      df: null,
      models: [],
    },
    problems: [],
    warnings,
    strata,
  };
}
