import { describe, it } from 'node:test';
import { expect } from 'expect';
import { analyze } from '../analyzed-text.js';
import type { ExtractedMention } from '../extraction.js';
import { extractEntities } from './entities.js';

const entitiesOf = (text: string): ExtractedMention[] => extractEntities(analyze(text));
/** Distinct (kind, canonical) pairs, as the scorer sees them. */
const named = (text: string, kinds = ['person', 'organization', 'place']): string[] =>
  [...new Set(entitiesOf(text).filter((mention) => kinds.includes(mention.kind)).map((mention) => `${mention.kind}:${mention.canonical}`))].sort();

describe('extractEntities: spans', () => {
  it('gives exact offsets, never a title or a possessive inside a span', () => {
    const text = "Ramzan Kadyrov spoke. Later Mr. Kadyrov's spokesman and Kadyrov’s aides left Grozny.";
    const mentions = entitiesOf(text);
    for (const mention of mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
    const texts = mentions.filter((mention) => mention.kind === 'person').map((mention) => mention.text);
    expect(texts).toEqual(['Ramzan Kadyrov', 'Kadyrov', 'Kadyrov']);
  });
});

describe('extractEntities: coreference', () => {
  it('resolves surname-only, title-prefixed and possessive mentions to the full name', () => {
    const text = 'Ramzan Kadyrov met officials. Kadyrov said nothing. Mr. Kadyrov’s office declined to comment, and President Kadyrov left.';
    expect(named(text, ['person'])).toEqual(['person:Ramzan Kadyrov']);
  });

  it('resolves a surname to a person the gazetteer does not know', () => {
    const text = 'The lawyer Ruslan Vakhidov was detained on Monday. Vakhidov told reporters he had been beaten. Dr Vakhidov’s wife confirmed it.';
    expect(named(text, ['person'])).toEqual(['person:Ruslan Vakhidov']);
  });

  it('keeps male and female surname forms and different given names apart', () => {
    const text = 'Abubakar Yangulbayev left Russia. His mother, Zarema Yangulbayeva, was detained. His brother Ibragim Yangulbayev was charged. Yangulbayeva is ill.';
    expect(named(text, ['person'])).toEqual(['person:Abubakar Yangulbayev', 'person:Ibragim Yangulbayev', 'person:Zarema Yangulbayeva']);
  });

  it('joins a surname to the person named most recently when two share it', () => {
    const text = 'Akhmat Kadyrov was killed in 2004. Ramzan Kadyrov took power later. Kadyrov said the war was over.';
    const kadyrov = entitiesOf(text).filter((mention) => mention.text === 'Kadyrov');
    expect(kadyrov.map((mention) => mention.canonical)).toEqual(['Ramzan Kadyrov']);
  });

  it('merges names the text declares the same', () => {
    const text = 'Zarema Yangulbayeva, also known as Musayeva, was taken to Grozny. Zarema Musayeva denies the charge. The European Court of Human Rights (ECHR) ruled.';
    expect(named(text)).toEqual(['organization:European Court of Human Rights', 'person:Zarema Yangulbayeva', 'place:Grozny']);
  });

  it('joins an unknown organisation and its abbreviation', () => {
    const text = 'The Chechen Youth Rights Foundation (CYRF) said police came. CYRF staff fled.';
    expect(named(text, ['organization'])).toEqual(['organization:Chechen Youth Rights Foundation']);
  });
});

describe('extractEntities: places and organisations', () => {
  it('splits "Moscow, Russia" into two places', () => {
    expect(named('He was held in Moscow, Russia for a week.')).toEqual(['place:Moscow', 'place:Russia']);
  });

  it('knows gazetteer aliases and transliteration variants', () => {
    const text = 'Oyub Titiyev was detained in Ingushetiya. Titiev denied it. The Chechen Republic and Daghestan are nearby. Kavkaz Uzel reported it.';
    expect(named(text)).toEqual(['organization:Kavkaz Uzel', 'person:Oyub Titiyev', 'place:Chechen Republic', 'place:Daghestan', 'place:Ingushetiya']);
  });

  it('finds organisations by their head word and places by their context', () => {
    const text = 'The Grozny City Court jailed him. He had lived in the village of Tsotsi-Yurt, near the Kurchaloi district.';
    expect(named(text)).toEqual(['organization:Grozny City Court', 'place:Kurchaloi', 'place:Tsotsi-Yurt']);
  });

  it('takes an unknown word after "in" for a place in prose, not in a furniture line', () => {
    expect(named('Tumso Abdurakhmanov survived an attack in Gävle.', ['place'])).toEqual(['place:Gävle']);
    expect(named('Read More in Impact', ['place'])).toEqual([]);
  });

  it('does not make a person an organisation because a sentence starts with the name', () => {
    const text = 'Svetlana Gannushkina runs the Civic Assistance Committee. Gannushkina said the Committee helped 40 families.';
    expect(named(text)).toEqual(['organization:Civic Assistance Committee', 'person:Svetlana Gannushkina']);
  });

  it('takes a name out of a title and a role before it', () => {
    const text = 'Kremlin spokesman Dmitry Peskov spoke. Memorial Founder Oleg Orlov disagreed. Russian President Vladimir Putin said nothing.';
    expect(named(text)).toEqual(['organization:Kremlin', 'organization:Memorial', 'person:Dmitry Peskov', 'person:Oleg Orlov', 'person:Vladimir Putin']);
  });

  it('names the known head of a compound ("Kremlin-backed")', () => {
    expect(named('The Kremlin-backed leader spoke.')).toEqual(['organization:Kremlin']);
  });

  it('does not take a country abbreviation used as a modifier', () => {
    expect(named('Sanctions by the U.S. government followed, and he fled to the U.S. in May.', ['place'])).toEqual(['place:U.S.']);
    expect(entitiesOf('Sanctions by the U.S. government followed.').filter((mention) => mention.kind === 'place')).toEqual([]);
  });
});

describe('extractEntities: ordinary capitalised words', () => {
  it('does not take sentence-opening words, months or demonyms for names', () => {
    const text = 'Police beat him. Forty men were detained in March. Chechen officials denied it. Despite this, police said nothing. Security forces left.';
    expect(named(text)).toEqual([]);
  });

  it('takes only known names from Title Case headlines', () => {
    const text = 'Putin Promises To Raise Chechnya Crackdown With Law Enforcement\nVladimir Putin met officials in Grozny on Monday.';
    expect(named(text)).toEqual(['person:Vladimir Putin', 'place:Chechnya', 'place:Grozny']);
  });
});

describe('extractEntities: groups', () => {
  it('finds victim groups', () => {
    const text = 'Police detained gay men and threatened human rights defenders. Kadyrov promised to punish relatives of the attackers.';
    const groups = entitiesOf(text).filter((mention) => mention.kind === 'group').map((mention) => mention.canonical);
    expect(groups).toEqual(['gay men', 'human rights defenders', 'relatives of the attackers']);
  });
});

describe('extractEntities: bad input', () => {
  it('handles empty text', () => {
    expect(entitiesOf('')).toEqual([]);
  });

  it('finishes on 5 MB of prose', () => {
    const text = 'Ramzan Kadyrov met Akhmat Kadyrov in Grozny. Kadyrov said Human Rights Watch (HRW) lied, Memorial said. '.repeat(50000);
    expect(text.length).toBeGreaterThan(5_000_000);
    expect(entitiesOf(text).length).toBeGreaterThan(100_000);
  });

  it('survives text without punctuation, ALL CAPS, emoji and mixed scripts', () => {
    const inputs = [
      'kadyrov said memorial grozny Oleg Orlov went to Moscow and '.repeat(2000),
      'RAMZAN KADYROV MET VLADIMIR PUTIN IN MOSCOW. THE US IS FAR. MEMORIAL SAID IT.',
      '🔥 Кадыров встретился с Putin в Москве 👍 Ramzan Kadyrov 🇷🇺 Grozny',
      'Ｒａｍｚａｎ Ｋａｄｙｒｏｖ ‍ ­ A. B. C. D. E. F. U.S.U.S.U.S. RFE/RL/RFE ’s ’ \' - — ( ) [ ]',
    ];
    for (const input of inputs) {
      const mentions = entitiesOf(input);
      for (const mention of mentions) expect(input.slice(mention.start, mention.end)).toBe(mention.text);
    }
    expect(named('RAMZAN KADYROV MET VLADIMIR PUTIN IN MOSCOW. MEMORIAL SAID IT.')).toEqual(['organization:MEMORIAL', 'person:RAMZAN KADYROV', 'person:VLADIMIR PUTIN', 'place:MOSCOW']);
  });
});
