import { fitModel, type FitOptions, type ModelFit, type ModelOutcome } from './loglinear-fit.js';
import { lognormalInterval } from './lognormal-interval.js';
import { candidateModels, MAX_SEARCH_LISTS } from './model-family.js';
import { ModelNotationError, parseModel } from './model-notation.js';
import { tableProblems, type OverlapTable } from './overlap-table.js';
import { profileInterval } from './profile-interval.js';

/*
 * Estimate the size of the population the lists were drawn from: fit the candidate log-linear
 * models, choose the one with the smallest BIC (or the model named), and give its N̂, standard
 * error and 95% intervals. When the data cannot support an estimate the result says why and holds
 * no number.
 */

export interface EstimateOptions extends FitOptions {
  /** A model to use instead of choosing by BIC: "[12,3]", "Mt", "Mth_Chao", … */
  model?: string;
}

export interface ChosenEstimate extends ModelFit {
  /** Profile-likelihood 95% interval; the upper end may be Infinity. Null if it could not be computed (Mb, Mbh). */
  ci95: [number, number] | null;
  /** Chao's log-normal 95% interval. */
  ci95Lognormal: [number, number];
}

export type EstimateResult =
  | { ok: true; chosen: ChosenEstimate; selectedBy: 'bic' | 'named'; models: ModelOutcome[]; warnings: string[] }
  | { ok: false; problems: string[]; models: ModelOutcome[] };

function byBic(a: ModelFit, b: ModelFit): number {
  return (a.bic ?? Infinity) - (b.bic ?? Infinity) || a.parameters - b.parameters;
}

export function estimatePopulation(table: OverlapTable, options: EstimateOptions = {}): EstimateResult {
  const problems = tableProblems(table);
  if (problems.length > 0) return { ok: false, problems, models: [] };
  const k = table.lists.length;

  let named;
  if (options.model !== undefined) {
    try {
      named = parseModel(options.model, k);
    } catch (error) {
      if (error instanceof ModelNotationError) return { ok: false, problems: [error.message], models: [] };
      throw error;
    }
  }

  const models = candidateModels(k).map((model) => fitModel(table, model, options));
  const warnings: string[] = [];
  let chosen: ModelFit;
  if (named) {
    const outcome = models.find((candidate) => candidate.ok ? candidate.fit.model === named.name : candidate.model === named.name) ?? fitModel(table, named, options);
    if (!models.includes(outcome)) models.push(outcome);
    if (!outcome.ok) return { ok: false, problems: [`model ${outcome.model}: ${outcome.problem}`], models };
    chosen = outcome.fit;
  } else {
    if (k > MAX_SEARCH_LISTS) return { ok: false, problems: [`${k} lists: the automatic model search covers at most ${MAX_SEARCH_LISTS}; name a model`], models };
    const fitted = models.flatMap((outcome) => (outcome.ok ? [outcome.fit] : []));
    if (fitted.length === 0) {
      const reasons = [...new Set(models.map((outcome) => (outcome.ok ? '' : outcome.problem)))];
      return { ok: false, problems: [`no candidate model can be fitted to these data: ${reasons.join('; ')}`], models };
    }
    chosen = [...fitted].sort(byBic)[0]!;
    const failed = models.length - fitted.length;
    if (failed > 0) warnings.push(`${failed} of ${models.length} candidate models could not be used (their fit diverges, is not estimable or implausible) and were left out`);
  }

  let ci95: [number, number] | null = null;
  if (chosen.design) {
    const start = Object.values(chosen.coefficients);
    const interval = profileInterval(table, chosen.design, start, chosen.N);
    if (interval) {
      ci95 = [interval.lower, interval.upper];
      if (interval.upper === Number.POSITIVE_INFINITY) warnings.push(`model ${chosen.model}: the profile likelihood has no finite upper 95% limit`);
    } else warnings.push(`model ${chosen.model}: the profile-likelihood interval could not be computed`);
  }
  for (const note of chosen.notes) warnings.push(`model ${chosen.model}: ${note}`);
  if (chosen.N > 10 * table.observed) warnings.push(`model ${chosen.model}: the estimate is ${Math.round(chosen.N / table.observed)} times the number observed; treat it with great caution`);
  return {
    ok: true,
    chosen: { ...chosen, ci95, ci95Lognormal: lognormalInterval(table.observed, chosen.N, chosen.se) },
    selectedBy: named ? 'named' : 'bic',
    models,
    warnings,
  };
}
