import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { expect } from 'expect';
import { romanise } from '../src/resolve/names/transliterate.js';
import { chronicle, scratchFolder } from './cli-harness.js';

const GIVEN = ['Ахмед', 'Рамзан', 'Руслан', 'Ислам', 'Адам', 'Муса', 'Иса', 'Апти', 'Шамиль', 'Хамзат'];
const SURNAMES = ['Дудаев', 'Умаров', 'Исаев', 'Алиев', 'Мусаев', 'Титиев', 'Гелаев', 'Закаев'];

function cp1251(text: string): Buffer {
  return Buffer.from([...text].map((char) => {
    const code = char.charCodeAt(0);
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (code === 0x401) return 0xa8;
    if (code === 0x451) return 0xb8;
    if (code === 0x2116) return 0xb9; // №
    return code;
  }));
}

describe('chronicle link', () => {
  let folder: string;

  before(() => {
    folder = scratchFolder();
    const russian = ['№;ФИО;Дата рождения;Пол'];
    const english = ['id,surname,first_name,dob,sex'];
    let row = 0;
    for (const [g, given] of GIVEN.entries()) {
      for (const [s, surname] of SURNAMES.entries()) {
        row++;
        const year = 1950 + ((g * 7 + s * 3) % 50);
        const month = 1 + ((g + s) % 12);
        const day = 1 + ((g * 5 + s) % 28);
        const pad = (value: number) => String(value).padStart(2, '0');
        russian.push(`${row};${surname} ${given};${pad(day)}.${pad(month)}.${year};м`);
        english.push(`E${row},${romanise(surname, row % 2 ? 'bgn-pcgn' : 'icao-9303')},${romanise(given, 'bgn-pcgn')},${year}-${pad(month)}-${pad(day)},male`);
      }
    }
    russian.push('900;Кадырова Рамзана Ахматовича;05.10.1976;м');
    english.push('K1,Kadyrow,Ramzan,1976-10-05,male');
    writeFileSync(join(folder, 'memorial.csv'), cp1251(`${russian.join('\r\n')}\r\n`));
    writeFileSync(join(folder, 'ngo.csv'), `${english.join('\n')}\n`);
    writeFileSync(join(folder, 'odd.csv'), 'key,who,born\n1,Kadyrov Ramzan,1976\n');
  });

  it('links two lists in different scripts and encodings and prints file,record_id,cluster', async () => {
    const run = await chronicle(['link', 'memorial.csv', 'ngo.csv'], { cwd: folder });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('memorial.csv: warning: not UTF-8; decoded as windows-1251\n');
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('file,record_id,cluster');
    expect(lines).toHaveLength(1 + 2 * (GIVEN.length * SURNAMES.length + 1));
    const cluster = new Map(lines.slice(1).map((line) => {
      const [file, id, person] = line.split(',');
      return [`${file}:${id}`, person];
    }));
    expect(cluster.get('ngo.csv:K1')).toBe(cluster.get('memorial.csv:900'));
    expect(cluster.get('ngo.csv:E1')).toBe(cluster.get('memorial.csv:1'));
    expect(cluster.get('ngo.csv:E1')).not.toBe(cluster.get('memorial.csv:2'));
    expect(new Set(cluster.values()).size).toBe(GIVEN.length * SURNAMES.length + 1);
  });

  it('writes --out whole, and --json with the model', async () => {
    const run = await chronicle(['link', 'ngo.csv', '--out', 'clusters.csv'], { cwd: folder });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(join(folder, 'clusters.csv'), 'utf8').startsWith('file,record_id,cluster\nngo.csv,E1,1\n')).toBe(true);
    const json = await chronicle(['link', 'ngo.csv', '--json'], { cwd: folder });
    const document = JSON.parse(json.stdout) as { records: number; persons: number; clusters: { file: string; record_id: string; cluster: number }[]; model: { weights: Record<string, Record<string, number>> } };
    expect(document.records).toBe(GIVEN.length * SURNAMES.length + 1);
    expect(document.clusters[0]).toEqual({ file: 'ngo.csv', record_id: 'E1', cluster: 1 });
    expect(Object.keys(document.model.weights)).toContain('surname');
  });

  it('maps columns with --map and --id', async () => {
    const run = await chronicle(['link', 'odd.csv', '--map', 'who=full_name', '--map', 'born=birth_date', '--id', 'key'], { cwd: folder });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('file,record_id,cluster\nodd.csv,1,1\n');
  });

  it('fails with one clear line, a non-zero exit and nothing written on bad input', async () => {
    writeFileSync(join(folder, 'empty.csv'), '');
    writeFileSync(join(folder, 'dates.csv'), 'surname,dob\nKadyrov,1976\nDudaev,someday\n');
    const cases: [string[], RegExp][] = [
      [['link', 'ngo.csv', 'missing.csv', '--out', 'never.csv'], /^error: missing\.csv: no such file\n$/],
      [['link', 'empty.csv', '--out', 'never.csv'], /^error: empty\.csv: empty file\n$/],
      [['link', 'odd.csv', '--out', 'never.csv'], /^error: odd\.csv: no name column \(found: key, who, born;.*\n$/],
      [['link', 'dates.csv', '--out', 'never.csv'], /^error: dates\.csv: row 3, column dob: not a date: "someday"\n$/],
      [['link', 'odd.csv', '--map', 'nobody=surname'], /^error: odd\.csv: --map nobody=surname: no column "nobody".*\n$/],
    ];
    for (const [args, message] of cases) {
      const run = await chronicle(args, { cwd: folder });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
    }
    expect(existsSync(join(folder, 'never.csv'))).toBe(false);
  });
});
