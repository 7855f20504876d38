// `npm run bench -- NAME [options]`: benchmarks and evaluations that are not part of `npm test`.
import { apiBenchmark } from './api.bench.js';
import { captureBenchmark } from './capture.bench.js';
import { captureCheckBenchmark } from './capture-check.js';
import { estimateBenchmark } from './estimate.bench.js';
import { evalBenchmark } from './eval.js';
import { linkBenchmark } from './link.bench.js';
import { extractBenchmark } from './extract.bench.js';
import { incidentsBenchmark } from './incidents.bench.js';
import { personsBenchmark } from './persons.bench.js';
import { intakeBenchmark } from './intake.bench.js';
import { webBenchmark } from './web.bench.js';

const benchmarks: Record<string, (args: string[]) => Promise<void>> = {
  capture: captureBenchmark,
  'capture-check': captureCheckBenchmark,
  api: apiBenchmark,
  extract: extractBenchmark,
  eval: evalBenchmark,
  incidents: incidentsBenchmark,
  estimate: estimateBenchmark,
  link: linkBenchmark,
  persons: personsBenchmark,
  intake: intakeBenchmark,
  web: webBenchmark,
};

const [name = 'capture', ...args] = process.argv.slice(2);
const benchmark = benchmarks[name];
if (!benchmark) {
  console.error(`unknown benchmark "${name}"; known: ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}
await benchmark(args);
