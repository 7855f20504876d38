import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../src/cli/cli-io.js';
import { run } from '../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A scratch folder for one test. */
export function scratchFolder(): string {
  return mkdtempSync(join(tmpdir(), 'chronicle-cli-'));
}

/** Run the CLI in-process, as a script would (no terminal), in `cwd` with `env`. */
export async function chronicle(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    interactive: false,
    env: options.env ?? {},
    cwd: options.cwd,
  };
  const code = await run(args, io, (bytes) => (stdout += bytes.toString('utf8')));
  return { code, stdout, stderr };
}
