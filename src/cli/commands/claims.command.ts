import { ClaimStatus } from '../../model/claim.js';
import { CliError, printJson, type CliIo } from '../cli-io.js';
import { withStore } from '../open-store.js';

/** `chronicle claims ID`: a document's claims in text order, each with its span, status and attribution. */
export async function claimsCommand(io: CliIo, reference: string, options: { db?: string; json?: boolean; status?: string }): Promise<number> {
  const statuses = options.status ? options.status.split(',').map((status) => status.trim()) : [];
  for (const status of statuses) if (!ClaimStatus.safeParse(status).success) throw new CliError(`--status must be one or more of ${ClaimStatus.options.join(', ')}`, 2);
  return withStore(io, options.db, async (store) => {
    const outcome = await store.documents.resolve(reference);
    if (outcome.status !== 'found') throw new CliError(`"${reference}" is not ${outcome.status === 'ambiguous' ? 'a unique' : 'a known'} document id or SHA-256 prefix (chronicle list shows them)`);
    const { document } = outcome;
    const claims = await store.claims.forDocument(document.id, statuses as ClaimStatus[]);
    const attributions = await store.claims.attributionsOf(document.id);
    if (options.json) {
      printJson(io, { document: { id: document.id, sha256: document.sha256, origin: document.origin }, claims: claims.map((claim) => ({ ...claim, attributedTo: claim.attributionId ? (attributions.get(claim.attributionId)?.attributedTo ?? null) : null })) });
      return 0;
    }
    if (claims.length === 0) {
      io.stdout(`${document.id} has no ${statuses.length ? statuses.join('/') + ' ' : ''}claims${document.language === 'en' ? '' : ` (extraction has rules for English; this document is ${document.language ?? 'of unknown language'})`}\n`);
      return 0;
    }
    for (const claim of claims) {
      const value = claim.value as Record<string, unknown>;
      const detail =
        claim.kind === 'figure' ? `${value.bound} ${value.value}${value.max === null ? '' : `–${value.max}`}` : claim.kind === 'mention' ? String(value.canonical) : claim.kind === 'attribution' ? String(value.source) : claim.kind === 'date' ? String(value.value ?? '?') : '';
      const credited = claim.attributionId && claim.kind !== 'attribution' ? `  [per ${attributions.get(claim.attributionId)?.attributedTo ?? '?'}]` : '';
      io.stdout(`${claim.id}  ${claim.status.padEnd(8)} ${claim.kind.padEnd(11)} ${claim.property.padEnd(22)} ${detail}  "${claim.span.quote}" @${claim.span.start}${credited}\n`);
    }
    return 0;
  });
}
