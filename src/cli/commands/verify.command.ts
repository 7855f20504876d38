import { verifyOriginals } from '../../services/verify.service.js';
import { printJson, type CliIo } from '../cli-io.js';
import { withStore } from '../open-store.js';

/** `chronicle verify`: exit 0 when every original still hashes to its address and none is missing. */
export async function verifyCommand(io: CliIo, options: { db?: string; json?: boolean }): Promise<number> {
  return withStore(io, options.db, async (store) => {
    const report = await verifyOriginals(store);
    const ok = report.mismatched.length === 0 && report.missing.length === 0;
    if (options.json) {
      printJson(io, { ok, ...report });
      return ok ? 0 : 1;
    }
    for (const bad of report.mismatched) io.stderr(`MISMATCH: original ${bad.sha256} now hashes to ${bad.actual}\n`);
    for (const missing of report.missing) io.stderr(`MISSING: ${missing.id} (${missing.origin}) has no original ${missing.sha256}\n`);
    io.stdout(ok ? `verified ${report.checked} originals: all match their SHA-256\n` : `verified ${report.checked} originals: ${report.mismatched.length} mismatched, ${report.missing.length} missing\n`);
    return ok ? 0 : 1;
  });
}
