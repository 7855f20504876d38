import { incidentViews, mergeIncidents, regroup, regroupIncidents, splitIncident, type IncidentView } from '../../services/incidents.service.js';
import { actorOf } from '../actor.js';
import { CliError, printJson, type CliIo } from '../cli-io.js';
import { withStore } from '../open-store.js';

const valueOf = (figure: { value: number; max: number | null; bound: string }) => {
  const prefix: Record<string, string> = { exact: '', at_least: '≥', more_than: '>', about: '~', at_most: '≤', range: '' };
  return `${prefix[figure.bound] ?? ''}${figure.value}${figure.max !== null ? `–${figure.max}` : ''}`;
};

function summaryLine(view: IncidentView): string {
  const figures = view.summary
    .map((summary) => `${summary.what} ${summary.low}${summary.high === summary.low ? '' : `–${summary.high ?? '…'}`}${summary.conflict ? ' CONFLICT' : summary.differ ? ' (differ)' : ''}`)
    .join('; ');
  return `${view.id}  ${view.start ?? '?'}…${view.end ?? '?'}  ${view.title}\n    ${view.documents} documents, ${view.acts.length} acts, ${view.figures.length} figures, ${view.independent_sources} independent sources${figures ? `; ${figures}` : ''}\n`;
}

/** `chronicle incidents`: regroup every live act and figure, then list the incidents. */
export async function incidentsCommand(io: CliIo, options: { db?: string; json?: boolean }): Promise<number> {
  return withStore(io, options.db, async (store) => {
    const views = await incidentViews(store, await regroup(store));
    if (options.json) printJson(io, { incidents: views });
    else io.stdout(views.length === 0 ? 'no incidents yet: ingest English documents (extraction proposes the acts and figures incidents are made of)\n' : views.map(summaryLine).join(''));
    return 0;
  });
}

/** `chronicle incident ID`: the claims of one incident side by side by source, with their summary. */
export async function incidentCommand(io: CliIo, id: string, options: { db?: string; json?: boolean }): Promise<number> {
  return withStore(io, options.db, async (store) => {
    const view = (await incidentViews(store)).find((candidate) => candidate.id === id);
    if (!view) throw new CliError(`no incident has id ${id} (chronicle incidents lists them)`);
    if (options.json) {
      printJson(io, view);
      return 0;
    }
    let out = summaryLine(view);
    for (const summary of view.summary) {
      out += `\n  ${summary.what}: ${summary.low}${summary.high === summary.low ? '' : `–${summary.high ?? '…'}`}${summary.conflict ? '  CONFLICT: these claims cannot all be true' : summary.differ ? '  sources differ' : ''}; ${summary.independentSources} independent sources\n`;
      for (const figure of view.figures.filter((candidate) => candidate.what === summary.what)) {
        out += `    ${valueOf(figure).padEnd(8)} ${(figure.document.source ?? figure.document.origin).padEnd(28)} ${figure.attributed_to ? `per ${figure.attributed_to}` : ''}${figure.origins.length ? ` ← ${figure.origins.join(', ')}` : ''}  "${figure.quote}" [${figure.status}]\n`;
      }
    }
    out += '\n  acts:\n';
    for (const act of [...view.acts].sort((a, b) => (a.date ?? a.document.publishedAt ?? '').localeCompare(b.date ?? b.document.publishedAt ?? ''))) {
      out += `    ${(act.date ?? `(published ${act.document.publishedAt ?? '?'})`).padEnd(24)} ${act.type.padEnd(22)} ${(act.document.source ?? act.document.origin).slice(0, 28).padEnd(28)} "${act.quote}"\n`;
    }
    io.stdout(out);
    return 0;
  });
}

/** `chronicle review merge-incidents KEEP OTHER` and `review split-incident ID --document DOC…`. */
export async function incidentDecisionCommand(io: CliIo, action: 'merge' | 'split', args: string[], options: { db?: string; as?: string; document?: string[] }): Promise<number> {
  return withStore(io, options.db, async (store) => {
    const actor = actorOf(io, options.as);
    try {
      if (action === 'merge') await mergeIncidents(store, args[0]!, args[1]!, actor);
      else await splitIncident(store, args[0]!, options.document ?? [], actor);
    } catch (error) {
      throw new CliError((error as Error).message);
    }
    const incidents = await regroupIncidents(store);
    io.stdout(`${action === 'merge' ? 'merged' : 'split'}; ${incidents.length} incidents now (the decision holds across re-runs)\n`);
    return 0;
  });
}
