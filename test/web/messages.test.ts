import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { expect } from 'expect';

// The workspace keeps every string in web/src/i18n/messages.{en,ru}.json. These checks catch a key
// missing from one language, a placeholder lost in translation, a Russian plural without its forms,
// and code asking for a key that does not exist.

const I18N = resolve(import.meta.dirname, '../../web/src/i18n');
type Message = string | Record<string, string>;
const load = (language: string) => JSON.parse(readFileSync(join(I18N, `messages.${language}.json`), 'utf8')) as Record<string, Message>;
const en = load('en');
const ru = load('ru');

const placeholders = (message: Message) => new Set((typeof message === 'string' ? [message] : Object.values(message)).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1])));

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('workspace messages', () => {
  it('has the same keys in English and Russian', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
  });

  it('keeps every placeholder in both languages', () => {
    for (const key of Object.keys(en)) expect([key, [...placeholders(ru[key] as Message)].sort()]).toEqual([key, [...placeholders(en[key] as Message)].sort()]);
  });

  it('gives Russian counts their one, few and many forms, and English its one and other', () => {
    for (const [key, message] of Object.entries(en)) {
      if (typeof message === 'string') continue;
      expect([key, Object.keys(message).sort()]).toEqual([key, ['one', 'other']]);
      const russian = ru[key];
      expect([key, typeof russian === 'object' ? Object.keys(russian).sort() : russian]).toEqual([key, ['few', 'many', 'one', 'other']]);
    }
  });

  it('has every key the code asks for', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(resolve(I18N, '..'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\('([\w.]+)'/g)) used.add(match[1] as string);
      for (const match of text.matchAll(/'((?:kind|status|nav|role|language|overview|review)\.[\w]+)'/g)) used.add(match[1] as string);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((key) => !(key in en))).toEqual([]);
  });
});
