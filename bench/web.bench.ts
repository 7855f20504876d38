/// <reference lib="dom" />
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ANALYST, startWorkspace } from '../test/e2e/workspace-harness.js';

/*
 * `npm run bench -- web [--runs 10]`: the workspace's first load on loopback in headless Chromium,
 * with the sample corpus in the store and a signed-in analyst. Each run is a fresh browser context
 * (empty cache): navigation start to the load event, and to the first meaningful content (the
 * library's first document row drawn from API data). Also the size of the built JS and CSS, raw
 * and gzip. Needs `npm run build` first. Writes bench/results/web.json.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function argument(args: string[], name: string, fallback: string): string {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? (args[index + 1] as string) : fallback;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;

function bundleSizes(): { file: string; raw: number; gzip: number }[] {
  const folder = join(ROOT, 'dist/web/assets');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.js') || file.endsWith('.css'))
    .map((file) => {
      const bytes = readFileSync(join(folder, file));
      return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
}

export async function webBenchmark(args: string[]): Promise<void> {
  const runs = Number(argument(args, 'runs', '10'));
  const sizes = bundleSizes();
  const workspace = await startWorkspace();
  const loads: number[] = [];
  const contents: number[] = [];
  try {
    for (let run = 0; run < runs + 1; run++) {
      const context = await workspace.browser.newContext({ viewport: { width: 1440, height: 900 } });
      try {
        const login = await context.request.post(`${workspace.url}/api/session`, { data: { username: ANALYST.username, password: ANALYST.password } });
        if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
        const page = await context.newPage();
        // Record, inside the page, when the first document row exists: the first content an analyst can use.
        // (A string, not a function: tsx would wrap named inner functions in a helper the page lacks.)
        await page.addInitScript({
          content: `new MutationObserver((_, observer) => {
            if (document.querySelector('table.documents tbody tr')) { window.__firstContent = performance.now(); observer.disconnect(); }
          }).observe(document, { childList: true, subtree: true });`,
        });
        await page.goto(workspace.url, { waitUntil: 'load' });
        await page.waitForFunction(() => (window as unknown as { __firstContent?: number }).__firstContent !== undefined);
        const timing = await page.evaluate(() => {
          const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          return { load: navigation.loadEventEnd - navigation.startTime, content: (window as unknown as { __firstContent: number }).__firstContent - navigation.startTime };
        });
        // The first run warms the server (and the store's caches); it is not counted.
        if (run > 0) {
          loads.push(timing.load);
          contents.push(timing.content);
        }
      } finally {
        await context.close();
      }
    }
  } finally {
    await workspace.close();
  }
  loads.sort((a, b) => a - b);
  contents.sort((a, b) => a - b);
  const result = {
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`,
    node: process.version,
    runs,
    loadMs: { median: quantile(loads, 0.5), p90: quantile(loads, 0.9), max: loads[loads.length - 1] },
    firstContentMs: { median: quantile(contents, 0.5), p90: quantile(contents, 0.9), max: contents[contents.length - 1] },
    assets: sizes,
    js: { raw: sizes.filter((size) => size.file.endsWith('.js')).reduce((sum, size) => sum + size.raw, 0), gzip: sizes.filter((size) => size.file.endsWith('.js')).reduce((sum, size) => sum + size.gzip, 0) },
  };
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/web.json'), `${JSON.stringify(result, null, 2)}\n`);
  const ms = (value: number | undefined) => `${(value ?? 0).toFixed(0)} ms`;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(`workspace first load, ${runs} cold runs (${result.machine}):`);
  console.log(`  navigation → load event     median ${ms(result.loadMs.median)}, p90 ${ms(result.loadMs.p90)}, max ${ms(result.loadMs.max)}`);
  console.log(`  navigation → first document median ${ms(result.firstContentMs.median)}, p90 ${ms(result.firstContentMs.p90)}, max ${ms(result.firstContentMs.max)}`);
  for (const size of sizes) console.log(`  ${size.file.padEnd(28)} ${kb(size.raw).padStart(10)} raw ${kb(size.gzip).padStart(10)} gzip`);
}
