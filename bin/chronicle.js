#!/usr/bin/env node
// The installed command: runs the compiled CLI (built by `npm install` through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write('chronicle is not built yet: run `npm install` (or `npm run build`) in the project folder\n');
  process.exit(70);
}
const { run } = await import(main);
process.exitCode = await run(process.argv.slice(2));
