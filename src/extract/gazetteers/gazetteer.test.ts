import { describe, it } from 'node:test';
import { expect } from 'expect';
import { buildGazetteer, GAZETTEER } from './gazetteer.js';
import { buildLexicon, LEXICON } from './lexicon.js';

describe('gazetteer', () => {
  it('loads the project files', () => {
    expect(GAZETTEER.entries.length).toBeGreaterThan(300);
    expect(GAZETTEER.phrasesByFirst.get('chechen')?.some((phrase) => phrase.entry.name === 'Chechnya')).toBe(true);
    expect(LEXICON.firstNames.has('ramzan')).toBe(true);
  });

  it('refuses a malformed file', () => {
    expect(() => buildGazetteer([{ name: 'bad.json', data: { kind: 'place', entries: [{ aliases: ['x'] }] } }])).toThrow(/bad.json is invalid/);
  });

  it('refuses an alias that names two entities', () => {
    const data = { kind: 'place', entries: [{ name: 'Argun' }, { name: 'Argun River', aliases: ['Argun'] }] };
    expect(() => buildGazetteer([{ name: 'two.json', data }])).toThrow(/also names/);
  });

  it('refuses a short name standing for an entry that does not exist', () => {
    const data = { kind: 'organization', entries: [{ name: 'Memorial', refersTo: ['Nothing'] }] };
    expect(() => buildGazetteer([{ name: 'refers.json', data }])).toThrow(/no entry names/);
  });

  it('refuses upper-case lexicon words', () => {
    const lexicon = { ...JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(LEXICON).map(([key, value]) => [key, [...(value as Iterable<string>)]])))) };
    lexicon.titles = ['Mr'];
    expect(() => buildLexicon(lexicon, { names: [], ambiguous: [] })).toThrow(/lower-case/);
  });
});
