import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { estimatePopulation, OverlapTableError, overlapTable, type ModelOutcome, type OverlapTable } from '../../estimate/index.js';
import { CliError, printJson, type CliIo } from '../cli-io.js';

export interface EstimateCommandOptions {
  table: string;
  model?: string;
  json?: boolean;
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

/**
 * `chronicle estimate --table FILE`: multiple systems estimation from one overlap table (a
 * fixtures.json dataset). Prints the chosen model's N̂, se and 95% intervals; when the data cannot
 * support an estimate it prints why, and no number.
 */
export async function estimateCommand(io: CliIo, options: EstimateCommandOptions): Promise<number> {
  const table = readTable(io, options.table);
  const result = estimatePopulation(table, options.model !== undefined ? { model: options.model } : {});
  if (!result.ok) throw new CliError(`${options.table}: cannot estimate: ${result.problems.join('; ')}`);
  const { chosen, warnings } = result;
  const models = [...result.models].sort(bicOrder);
  for (const warning of warnings) io.stderr(`warning: ${warning}\n`);
  if (options.json) {
    printJson(io, {
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
    });
    return 0;
  }
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
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
