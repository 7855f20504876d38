import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { expect } from 'expect';
import { chronicle, scratchFolder } from './cli-harness.js';

// Rcapture's HIV data (Abeni et al. 1994), as in ../shared/estimate/fixtures.json.
const HIV = {
  lists: ['c1', 'c2', 'c3', 'c4'],
  counts: { '1111': 0, '1110': 3, '1101': 1, '1100': 33, '1011': 0, '1010': 20, '1001': 6, '1000': 403, '0111': 3, '0110': 35, '0101': 10, '0100': 545, '0011': 11, '0010': 621, '0001': 205 },
  n_observed: 1896,
};

describe('chronicle estimate --table', () => {
  let folder: string;
  const write = (name: string, content: unknown) => writeFileSync(join(folder, name), typeof content === 'string' ? content : JSON.stringify(content));

  before(() => {
    folder = scratchFolder();
    write('hiv.json', HIV);
    write('broken.json', '{"lists": ["a", "b"], ');
    write('shape.json', { lists: ['a', 'b'], counts: { '1': 4 } });
    write('one.json', { lists: ['a'], counts: { '1': 40 } });
    write('apart.json', { lists: ['a', 'b'], counts: { '10': 40, '01': 30 } });
  });

  it('prints the BIC choice as JSON', async () => {
    const run = await chronicle(['estimate', '--table', 'hiv.json', '--json'], { cwd: folder });
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(output).toMatchObject({ model: '[1,2,3,4]', N: 11124.6, se: 904.8, selected_by: 'bic', n_observed: 1896 });
    expect(output.ci95).toHaveLength(2);
    expect(output.models).toHaveLength(65);
    expect(output.models[0]).toEqual({ model: '[1,2,3,4]', N: 11124.6, se: 904.8, aic: expect.any(Number), bic: expect.any(Number) });
  });

  it('uses a named model, with its profile interval', async () => {
    const run = await chronicle(['estimate', '--table', 'hiv.json', '--model', '[12,3,4]', '--json'], { cwd: folder });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ model: '[12,3,4]', N: 12318.5, se: 1188.7, ci95: [10266, 14992.3], selected_by: 'named' });
  });

  it('prints a readable summary without --json', async () => {
    const run = await chronicle(['estimate', '--table', 'hiv.json', '--model', 'Mth_Chao'], { cwd: folder });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^model: Mth_Chao \(as named/m);
    expect(run.stdout).toMatch(/estimated total: 11,701\.0 \(se 1,030\.9\)/);
    expect(run.stdout).toMatch(/95% interval: [\d,.]+ – [\d,.]+ \(profile likelihood\)/);
    expect(run.stderr).toMatch(/warning: model Mth_Chao: η for ≥4 captures set to 0/);
  });

  it('gives one clear line and no number for bad input', async () => {
    const cases: [string[], RegExp][] = [
      [['--table', 'missing.json'], /^error: missing\.json: no such file$/],
      [['--table', 'broken.json'], /^error: broken\.json: not valid JSON/],
      [['--table', 'shape.json'], /^error: shape\.json: pattern "1" has 1 digits for 2 lists$/],
      [['--table', 'one.json'], /^error: one\.json: cannot estimate: only one list/],
      [['--table', 'apart.json'], /^error: apart\.json: cannot estimate: the lists do not overlap/],
      [['--table', 'hiv.json', '--model', '[1234]'], /^error: hiv\.json: cannot estimate: the 4-way interaction/],
    ];
    for (const [args, message] of cases) {
      const run = await chronicle(['estimate', ...args, '--json'], { cwd: folder });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr.trim()).toMatch(message);
    }
  });

  it('treats a missing --table as a usage error', async () => {
    const run = await chronicle(['estimate'], { cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--table/);
  });
});
