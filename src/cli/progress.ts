import cliProgress from 'cli-progress';
import type { CliIo } from './cli-io.js';

/** A progress bar with documents per second, shown only to a person at a terminal. */
export interface Progress {
  tick(): void;
  stop(): void;
}

const silent: Progress = { tick() {}, stop() {} };

export function startProgress(io: CliIo, total: number, label: string, enabled: boolean): Progress {
  if (!enabled || !io.interactive || total < 20) return silent;
  const started = performance.now();
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} | {rate} docs/s | eta {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 200,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { rate: '0' });
  let value = 0;
  return {
    tick() {
      value++;
      const seconds = (performance.now() - started) / 1000;
      bar.update(value, { rate: seconds > 0 ? Math.round(value / seconds).toString() : '0' });
    },
    stop() {
      bar.stop();
    },
  };
}
