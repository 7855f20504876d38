import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { estimatePopulation, OverlapTableError, overlapTable, patternOf, type EstimateResult, type ModelOutcome, type OverlapTable, type StrataResult } from '../../estimate/index.js';
import { estimateFromPersons, PersonsError } from '../../services/persons.service.js';
import { CliError, printJson, type CliIo } from '../cli-io.js';
import { withStore } from '../open-store.js';

export interface EstimateCommandOptions {
  table?: string;
  lists?: string;
  strata?: string;
  model?: string;
  json?: boolean;
  db?: string;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
/** One decimal; an unbounded limit becomes null in JSON. */
const figure = (value: number) => (Number.isFinite(value) ? round(value, 1) : null);
const readable = (value: number) => (Number.isFinite(value) ? value.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) : '∞');

function readTable(io: CliIo, file: string): OverlapTable {
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : (error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  try {
    return overlapTable(value);
  } catch (error) {
    if (error instanceof OverlapTableError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}

const bicOrder = (a: ModelOutcome, b: ModelOutcome) => (a.ok ? (a.fit.bic ?? Infinity) : Infinity) - (b.ok ? (b.fit.bic ?? Infinity) : Infinity);

type Estimated = Extract<EstimateResult, { ok: true }>;

/** The table as fixtures.json writes it: lists and counts by pattern. */
const tableJson = (table: OverlapTable) => ({ lists: table.lists, counts: Object.fromEntries(table.counts.flatMap((n, mask) => (mask === 0 ? [] : [[patternOf(mask, table.lists.length), n]]))) });

/** One estimate as `--json` prints it. */
function estimateJson(table: OverlapTable, result: Estimated) {
  const { chosen, warnings } = result;
  const models = [...result.models].sort(bicOrder);
  return {
    model: chosen.model,
    N: figure(chosen.N),
    se: figure(chosen.se),
    ci95: chosen.ci95 ? chosen.ci95.map(figure) : null,
    ci95_lognormal: chosen.ci95Lognormal.map(figure),
    selected_by: result.selectedBy,
    lists: table.lists,
    n_observed: table.observed,
    deviance: round(chosen.deviance, 3),
    df: chosen.df,
    warnings,
    models: models.map((outcome) =>
      outcome.ok
        ? { model: outcome.fit.model, N: figure(outcome.fit.N), se: figure(outcome.fit.se), aic: outcome.fit.aic === null ? null : round(outcome.fit.aic, 2), bic: outcome.fit.bic === null ? null : round(outcome.fit.bic, 2) }
        : { model: outcome.model, N: null, se: null, aic: null, bic: null, problem: outcome.problem },
    ),
  };
}

/** One estimate as people read it. */
function estimateLines(table: OverlapTable, result: Estimated): string[] {
  const { chosen } = result;
  const models = [...result.models].sort(bicOrder);
  const fitted = models.filter((outcome) => outcome.ok).length;
  const lines = [
    `lists: ${table.lists.join(', ')} (${table.observed.toLocaleString('en-US')} people on at least one)`,
    `model: ${chosen.model} (${result.selectedBy === 'bic' ? `lowest BIC of ${fitted} models fitted` : 'as named'}; deviance ${chosen.deviance.toFixed(2)} on ${chosen.df} df)`,
    `estimated total: ${readable(chosen.N)} (se ${readable(chosen.se)}), of whom ${readable(chosen.unobserved)} are on no list`,
    `95% interval: ${chosen.ci95 ? `${readable(chosen.ci95[0])} – ${readable(chosen.ci95[1])} (profile likelihood); ` : ''}${readable(chosen.ci95Lognormal[0])} – ${readable(chosen.ci95Lognormal[1])} (log-normal)`,
  ];
  const shown = models.filter((outcome) => outcome.ok).slice(0, 10);
  if (shown.length > 1) {
    lines.push('', `${'model'.padEnd(28)}${'N'.padStart(12)}${'se'.padStart(11)}${'AIC'.padStart(11)}${'BIC'.padStart(11)}`);
    for (const outcome of shown) {
      if (!outcome.ok) continue;
      const { fit } = outcome;
      lines.push(`${fit.model.padEnd(28)}${readable(fit.N).padStart(12)}${readable(fit.se).padStart(11)}${(fit.aic?.toFixed(2) ?? '-').padStart(11)}${(fit.bic?.toFixed(2) ?? '-').padStart(11)}`);
    }
    if (fitted > shown.length) lines.push(`… and ${fitted - shown.length} more (--json lists them all)`);
  }
  return lines;
}

/** Overlap table lines: each pattern of lists and how many people have it. */
function tableLines(table: OverlapTable): string[] {
  const width = Math.max(7, table.lists.length);
  const lines = [`${'pattern'.padEnd(width)}  people   (${table.lists.map((list, i) => `${i + 1}=${list}`).join(', ')})`];
  for (let mask = 1; mask < table.counts.length; mask++) lines.push(`${patternOf(mask, table.lists.length).padEnd(width)}  ${String(table.counts[mask]).padStart(6)}`);
  return lines;
}

/**
 * `chronicle estimate --table FILE`: multiple systems estimation from one overlap table (a
 * fixtures.json dataset). `--lists A,B,C` builds the table from the persons in the store instead,
 * pooled or `--strata FIELD` by stratum and summed. Prints the chosen model's N̂, se and 95%
 * intervals; when the data cannot support an estimate it prints why, and no number.
 */
export async function estimateCommand(io: CliIo, options: EstimateCommandOptions): Promise<number> {
  if ((options.table === undefined) === (options.lists === undefined)) throw new CliError('give --table FILE, or --lists A,B,C to count linked persons in the store', 2);
  if (options.strata !== undefined && options.lists === undefined) throw new CliError('--strata needs --lists', 2);
  if (options.lists !== undefined) return estimateFromStore(io, options, options.lists);
  const file = options.table!;
  const table = readTable(io, file);
  const result = estimatePopulation(table, options.model !== undefined ? { model: options.model } : {});
  if (!result.ok) throw new CliError(`${file}: cannot estimate: ${result.problems.join('; ')}`);
  for (const warning of result.warnings) io.stderr(`warning: ${warning}\n`);
  if (options.json) printJson(io, estimateJson(table, result));
  else io.stdout(`${estimateLines(table, result).join('\n')}\n`);
  return 0;
}

async function estimateFromStore(io: CliIo, options: EstimateCommandOptions, listsOption: string): Promise<number> {
  const lists = listsOption.split(',').map((list) => list.trim()).filter(Boolean);
  return withStore(io, options.db, async (store) => {
    let estimate;
    try {
      estimate = await estimateFromPersons(store, { lists, ...(options.strata !== undefined ? { strata: options.strata } : {}), ...(options.model !== undefined ? { model: options.model } : {}) });
    } catch (error) {
      if (error instanceof PersonsError || error instanceof OverlapTableError) throw new CliError(error.message);
      throw error;
    }
    const { table } = estimate;
    if (estimate.stratifiedBy === null) {
      const { result } = estimate;
      if (!result.ok) throw new CliError(`cannot estimate from lists ${lists.join(', ')}: ${result.problems.join('; ')}`);
      for (const warning of result.warnings) io.stderr(`warning: ${warning}\n`);
      if (options.json) printJson(io, { ...estimateJson(table, result), table: tableJson(table) });
      else io.stdout(`${[...tableLines(table), '', ...estimateLines(table, result)].join('\n')}\n`);
      return 0;
    }
    const result: StrataResult = estimate.result;
    if (!result.ok) throw new CliError(`cannot estimate from lists ${lists.join(', ')} by ${estimate.stratifiedBy}: ${result.problems.join('; ')}`);
    const strata = estimate.strata.map((stratum, index) => ({ ...stratum, result: result.strata[index]!.result as Estimated }));
    const warnings = strata.flatMap((stratum) => stratum.result.warnings.map((warning) => `${estimate.stratifiedBy} ${stratum.name}: ${warning}`));
    for (const warning of warnings) io.stderr(`warning: ${warning}\n`);
    if (options.json) {
      // The --table shape at the top (a sum has no single model, deviance or profile interval), each stratum in full.
      printJson(io, {
        model: null,
        N: figure(result.N),
        se: figure(result.se),
        ci95: null,
        ci95_lognormal: result.ci95Lognormal.map(figure),
        selected_by: 'per stratum',
        lists: table.lists,
        n_observed: result.observed,
        deviance: null,
        df: null,
        warnings,
        models: [],
        table: tableJson(table),
        strata_by: estimate.stratifiedBy,
        strata: strata.map((stratum) => ({ name: stratum.name, ...estimateJson(stratum.table, stratum.result), table: tableJson(stratum.table) })),
      });
      return 0;
    }
    const lines: string[] = [`by ${estimate.stratifiedBy}: ${strata.length} strata, each estimated on its own and summed`, ''];
    for (const stratum of strata) lines.push(`== ${estimate.stratifiedBy} ${stratum.name}`, ...tableLines(stratum.table), ...estimateLines(stratum.table, stratum.result).slice(0, 4), '');
    lines.push(
      `total: ${readable(result.N)} (se ${readable(result.se)}), ${result.observed.toLocaleString('en-US')} people on at least one list`,
      `95% interval: ${readable(result.ci95Lognormal[0])} – ${readable(result.ci95Lognormal[1])} (log-normal)`,
    );
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  });
}
