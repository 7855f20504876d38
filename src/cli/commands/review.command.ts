import { ClaimKind, type Claim } from '../../model/claim.js';
import { ReviewError, reviewClaim, type ReviewRequest } from '../../services/review.service.js';
import { ClaimConflictError } from '../../store/claim.repository.js';
import { actorOf } from '../actor.js';
import { CliError, printJson, type CliIo } from '../cli-io.js';
import { withStore } from '../open-store.js';

export interface ReviewCommandOptions {
  db?: string;
  json?: boolean;
  version?: string;
  as?: string;
  note?: string;
  value?: string;
  type?: string;
  span?: string;
}

function parseVersion(value: string | undefined): number {
  const version = Number(value);
  if (value === undefined || !Number.isInteger(version) || version < 1) throw new CliError('--version N is required: the version of the claim you reviewed (chronicle claims shows it), so a change made meanwhile is not overwritten', 2);
  return version;
}

function describeClaim(claim: Claim): string {
  return `${claim.id} v${claim.version} ${claim.status} ${claim.kind} ${claim.property} ${JSON.stringify(claim.value)} "${claim.span.quote}"`;
}

/** `chronicle review accept|reject|edit CLAIM --version N`: one review, recorded in the audit log. */
export async function reviewCommand(io: CliIo, action: ReviewRequest['action'], claimId: string, options: ReviewCommandOptions): Promise<number> {
  const request: ReviewRequest = { action, claimId, expectedVersion: parseVersion(options.version), reviewer: actorOf(io, options.as), ...(options.note ? { note: options.note } : {}) };
  if (action === 'edit') {
    if (options.value !== undefined) {
      try {
        request.value = JSON.parse(options.value) as unknown;
      } catch {
        throw new CliError(`--value must be JSON, e.g. '{"category":"killed","value":4,"max":null,"bound":"at_least"}'`, 2);
      }
    }
    if (options.type !== undefined) request.property = options.type;
    if (options.span !== undefined) {
      const match = /^(\d+):(\d+)$/.exec(options.span);
      if (!match) throw new CliError('--span must be START:END (character offsets into the document text)', 2);
      request.span = { start: Number(match[1]), end: Number(match[2]) };
    }
  }
  return withStore(io, options.db, async (store) => {
    let claim: Claim;
    try {
      claim = await reviewClaim(store, request);
    } catch (error) {
      if (error instanceof ClaimConflictError) throw new CliError(`conflict: ${error.message}`, 3);
      if (error instanceof ReviewError) throw new CliError(error.message);
      throw error;
    }
    if (options.json) printJson(io, claim);
    else io.stdout(`${describeClaim(claim)}\n`);
    return 0;
  });
}

/** `chronicle review queue`: proposed claims, oldest first, with what a reviewer needs to act. */
export async function reviewQueueCommand(io: CliIo, options: { db?: string; json?: boolean; limit?: string; kind?: string }): Promise<number> {
  const limit = options.limit === undefined ? 50 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10000) throw new CliError('--limit must be 1–10000', 2);
  const kinds = options.kind ? options.kind.split(',').map((kind) => kind.trim()) : [];
  for (const kind of kinds) if (!ClaimKind.safeParse(kind).success) throw new CliError(`--kind must be one or more of ${ClaimKind.options.join(', ')}`, 2);
  return withStore(io, options.db, async (store) => {
    const claims = await store.claims.proposed({ limit, kinds: kinds as ClaimKind[] });
    if (options.json) printJson(io, { claims });
    else if (claims.length === 0) io.stdout('nothing to review\n');
    else for (const claim of claims) io.stdout(`${describeClaim(claim)} @${claim.span.documentId}:${claim.span.start}\n`);
    return 0;
  });
}
