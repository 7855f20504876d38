import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { decodeList, LinkInputError, readPersonList } from './link.service.js';

/** CP1251 bytes of Russian text (Cyrillic letters only need mapping). */
function cp1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((char) => {
      const code = char.charCodeAt(0);
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (code === 0x401) return 0xa8;
      if (code === 0x451) return 0xb8;
      return code;
    }),
  );
}

describe('person lists', () => {
  const folder = mkdtempSync(join(tmpdir(), 'chronicle-link-'));

  it('detects and converts a CP1251 list, even a short one', () => {
    const decoded = decodeList(cp1251('фамилия;имя\nКадыров;Рамзан\n'));
    expect(decoded.encoding).toBe('windows-1251');
    expect(decoded.text).toBe('фамилия;имя\nКадыров;Рамзан\n');
    writeFileSync(join(folder, 'list.csv'), cp1251('ФИО;Год рождения;Пол\nКадыров Рамзан Ахматович;1976;м\nЯнгулбаева Зарема;1960;ж\n'));
    const list = readPersonList(join(folder, 'list.csv'), 'list.csv');
    expect(list.encoding).toBe('windows-1251');
    expect(list.records.map((record) => record.fullName)).toEqual(['Кадыров Рамзан Ахматович', 'Янгулбаева Зарема']);
    expect(list.records[1]!.sex).toBe('f');
  });

  it('reads UTF-8 with a BOM', () => {
    writeFileSync(join(folder, 'bom.csv'), `\uFEFFsurname,first_name\nKadyrov,Ramzan\n`);
    expect(readPersonList(join(folder, 'bom.csv'), 'bom.csv').records[0]).toMatchObject({ surname: 'Kadyrov', given: 'Ramzan', id: '1' });
  });

  it('rejects bad input with one line naming the file', () => {
    writeFileSync(join(folder, 'empty.csv'), '');
    writeFileSync(join(folder, 'noname.csv'), 'a,b\n1,2\n');
    writeFileSync(join(folder, 'date.csv'), 'surname,dob\nKadyrov,1976\nDudaev,next week\n');
    writeFileSync(join(folder, 'binary.csv'), Buffer.from([0x00, 0x81, 0x82, 0x83, 0x00, 0x90]));
    const reason = (name: string) => {
      try {
        readPersonList(join(folder, name), name);
        return 'no error';
      } catch (error) {
        expect(error).toBeInstanceOf(LinkInputError);
        return (error as Error).message;
      }
    };
    expect(reason('missing.csv')).toBe('missing.csv: no such file');
    expect(reason('empty.csv')).toBe('empty.csv: empty file');
    expect(reason('noname.csv')).toMatch(/^noname\.csv: no name column \(found: a, b;/);
    expect(reason('date.csv')).toBe('date.csv: row 3, column dob: not a date: "next week"');
    expect(reason('binary.csv')).toMatch(/^binary\.csv: /);
    expect(reason('missing.csv')).not.toContain('\n');
  });
});
