import { sha256Hex } from '../capture/capture.js';
import type { CapturedRef } from '../store/document.repository.js';
import type { Store } from '../store/store.js';

export interface VerifyReport {
  checked: number;
  /** Originals whose bytes no longer hash to the address they are stored under. */
  mismatched: { sha256: string; actual: string }[];
  /** Documents whose original bytes are gone. */
  missing: CapturedRef[];
}

/** Re-hash every stored original and check every document still has its original. */
export async function verifyOriginals(store: Store, onProgress?: (checked: number) => void): Promise<VerifyReport> {
  const report: VerifyReport = { checked: 0, mismatched: [], missing: [] };
  for await (const original of store.documents.originals()) {
    const actual = sha256Hex(original.bytes);
    if (actual !== original.sha256) report.mismatched.push({ sha256: original.sha256, actual });
    report.checked++;
    onProgress?.(report.checked);
  }
  report.missing = await store.documents.withoutOriginal();
  return report;
}
