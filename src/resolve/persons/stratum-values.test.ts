import { describe, it } from 'node:test';
import { expect } from 'expect';
import { ActType } from '../../model/vocabulary.js';
import { PlaceStrata, placeKey, violationKindStratum } from './stratum-values.js';

describe('violation kinds as strata', () => {
  it('reads Russian and English words, inflected or not, as one act type', () => {
    for (const value of ['задержание', 'Задержан', 'арестован', 'detention', 'Arrested', 'held incommunicado']) expect(violationKindStratum(value)).toBe('detention');
    for (const value of ['похищение', 'похищен', 'насильственное исчезновение', 'abduction', 'enforced disappearance', 'kidnapped']) expect(violationKindStratum(value)).toBe('abduction');
    for (const value of ['пытки', 'избит', 'torture', 'ill-treated', 'beaten']) expect(violationKindStratum(value)).toBe('torture');
    for (const value of ['убит', 'Расстрелян', 'погиб', 'killed', 'extrajudicial execution']) expect(violationKindStratum(value)).toBe('killing');
    expect(violationKindStratum('поджог дома')).toBe('attack_on_property');
    expect(violationKindStratum('депортирован')).toBe('displacement');
  });

  it('puts a value naming two kinds under the one listed first, and every result is a vocabulary key', () => {
    expect(violationKindStratum('detained and killed')).toBe('killing');
    expect(violationKindStratum('задержан, избит')).toBe('torture');
    expect(ActType.safeParse(violationKindStratum('threatened')).success).toBe(true);
  });

  it('keeps an unknown kind as written, and nothing for an empty one', () => {
    expect(violationKindStratum('  Раскулачен  ')).toBe('раскулачен');
    expect(violationKindStratum('')).toBeNull();
    expect(violationKindStratum('  -- ')).toBeNull();
    expect(violationKindStratum(null)).toBeNull();
  });

  it('does not read a word that merely contains a term', () => {
    // "held" starts no word of "withheld pay"; "суд" starts no word of "посуда".
    expect(violationKindStratum('withheld pay')).toBe('withheld pay');
    expect(violationKindStratum('посуда')).toBe('посуда');
  });
});

describe('places as strata', () => {
  it('gives the spellings and scripts of one place one key', () => {
    expect(placeKey('Грозный')).toBe(placeKey('Grozny'));
    expect(placeKey('г. Грозный')).toBe(placeKey('Groznyy'));
    expect(placeKey('Урус-Мартан')).toBe(placeKey('Urus Martan'));
    expect(placeKey('Шали')).not.toBe(placeKey('Аргун'));
  });

  it('names a known place by the gazetteer and an unknown one by its most frequent spelling', () => {
    const strata = new PlaceStrata();
    const grozny = ['Грозный', 'Groznyy', 'г. Грозный'].map((value) => strata.add(value));
    expect(new Set(grozny).size).toBe(1);
    expect(strata.name(grozny[0]!)).toBe('Grozny');
    const unknown = ['Элистанжи', 'Elistanzhi', 'Элистанжи'].map((value) => strata.add(value));
    expect(new Set(unknown).size).toBe(1);
    expect(strata.name(unknown[0]!)).toBe('Элистанжи');
    expect(strata.add('  ')).toBeNull();
    expect(strata.add(null)).toBeNull();
  });
});
