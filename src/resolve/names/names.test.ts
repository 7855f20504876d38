import { describe, it } from 'node:test';
import { expect } from 'expect';
import { latinKey } from './latin-key.js';
import { nameForms, transliterationEqual } from './name-forms.js';
import { splitFullName } from './parse-name.js';
import { phoneticCodes, phoneticMatch } from './phonetic.js';
import { givenStem, patronymicStem, surnameStem } from './stems.js';
import { chechenLatin, restorePalochka, romanise, transliterations } from './transliterate.js';

const surname = (text: string) => nameForms(text, 'surname')!;

describe('transliteration', () => {
  it('romanises under the main standards and keeps the original', () => {
    const forms = transliterations('Янгулбаев');
    expect(forms.get('bgn-pcgn')).toBe('Yangulbayev');
    expect(forms.get('icao-9303')).toBe('Iangulbaev');
    expect(forms.get('scholarly')).toBe('Jangulbaev');
    expect(forms.get('iso9-gost779')).toBe('Ângulbaev');
    expect(surname('Янгулбаев').original).toBe('Янгулбаев');
  });

  it('writes ë where iuliia leaves ё', () => {
    expect(romanise('Фёдор', 'bgn-pcgn')).toBe('Fëdor');
    expect(latinKey(romanise('Фёдор', 'bgn-pcgn'))).toBe(latinKey('Fyodor'));
  });

  it('reads Chechen digraphs and the palochka, also when typed as I or 1', () => {
    expect(chechenLatin('Къадыров')).toBe('Qadyrov');
    expect(chechenLatin('Хьасан')).toBe('Hasan');
    expect(restorePalochka('Iумар')).toBe('Ӏумар');
    expect(restorePalochka('ГI алаев'.replace(' ', ''))).toBe('ГӀалаев');
    expect(chechenLatin('ГӀалаев')).toBe('Ghalayev');
  });

  it('makes Кадыров, Kadyrov, Kadyrow, Qadyrov and Kadirov transliteration-equal', () => {
    const kadyrov = surname('Кадыров');
    for (const spelling of ['Kadyrov', 'Kadyrow', 'Qadyrov', 'Kadirov', 'Къадыров', 'KADYROV']) expect(transliterationEqual(kadyrov, surname(spelling))).toBe(true);
    expect(transliterationEqual(kadyrov, surname('Kadymov'))).toBe(false);
  });

  it('normalises Latin spellings: kh/h, y/i/j, ie/ye, -ow, w/v, doubles, diacritics', () => {
    expect(latinKey('Khasuev')).toBe(latinKey('Hasuev'));
    expect(latinKey('Yangulbayev')).toBe(latinKey('Iangulbaev'));
    expect(latinKey('Jangulbaev')).toBe(latinKey('Yangulbaev'));
    expect(latinKey('Yevgeny')).toBe(latinKey('Evgeniy'));
    expect(latinKey('Mukhammad')).toBe(latinKey('Muhamad'));
    expect(latinKey('Ščeglova')).toBe(latinKey('Shcheglova'));
    expect(latinKey('Walijew')).toBe(latinKey('Valiev'));
    expect(latinKey('El’murzaev')).toBe(latinKey('Elmurzaev'));
  });
});

describe('stems', () => {
  it('are gender-neutral: Yangulbayev and Yangulbayeva, Ostrovsky and Ostrovskaya', () => {
    expect(surname('Yangulbayeva').stem).toBe(surname('Yangulbayev').stem);
    expect(surname('Янгулбаева').stem).toBe(surname('Yangulbaev').stem);
    expect(surname('Ostrovskaya').stem).toBe(surname('Ostrovsky').stem);
    expect(surname('Островская').stem).toBe(surname('Ostrovskiy').stem);
  });

  it('are case-neutral: a genitive Кадырова of a man, Кадыровой, Кадыровым', () => {
    const stem = surname('Кадыров').stem;
    for (const form of ['Кадырова', 'Кадырову', 'Кадыровым', 'Кадыровой', 'Кадырове', 'Островского']) {
      if (form === 'Островского') expect(surname(form).stem).toBe(surname('Островский').stem);
      else expect(surname(form).stem).toBe(stem);
    }
    expect(surnameStem('kadirov')).toBe('kadirov');
    expect(patronymicStem(latinKey('Akhmatovicha'))).toBe(patronymicStem(latinKey('Akhmatovna')));
    expect(givenStem(latinKey('Рамзана'.replace('Рамзана', 'Ramzana')))).toBe(givenStem('ramzan'));
    expect(nameForms('Алексея', 'given')!.stem).toBe(nameForms('Алексей', 'given')!.stem);
  });
});

describe('phonetic keys', () => {
  it('are Daitch–Mokotoff codes of the normalised spelling', () => {
    expect(phoneticCodes('kadirov')).toEqual(['539700']);
    expect(phoneticMatch(surname('Kadyrov').phonetic, surname('Qadyrov').phonetic)).toBe(true);
    expect(phoneticMatch(surname('Yangulbaev').phonetic, surname('Yanqulbaeva').phonetic)).toBe(true);
    expect(phoneticMatch(surname('Kadyrov').phonetic, surname('Dudaev').phonetic)).toBe(false);
    expect(phoneticCodes('')).toEqual([]);
  });
});

describe('splitFullName', () => {
  it('finds the surname first or last, and the patronymic', () => {
    expect(splitFullName('Кадыров Рамзан Ахматович')).toEqual({ surname: 'Кадыров', given: 'Рамзан', patronymic: 'Ахматович' });
    expect(splitFullName('Ramzan Akhmatovich Kadyrov')).toEqual({ given: 'Ramzan', patronymic: 'Akhmatovich', surname: 'Kadyrov' });
    expect(splitFullName('KADYROV Ramzan')).toEqual({ surname: 'KADYROV', given: 'Ramzan', patronymic: null });
    expect(splitFullName('Kadyrov, Ramzan')).toEqual({ surname: 'Kadyrov', given: 'Ramzan', patronymic: null });
    expect(splitFullName('Янгулбаева Зарема')).toEqual({ surname: 'Янгулбаева', given: 'Зарема', patronymic: null });
    expect(splitFullName('Ramzan Kadyrov')).toEqual({ given: 'Ramzan', surname: 'Kadyrov', patronymic: null });
    expect(splitFullName('  ')).toEqual({ given: null, surname: null, patronymic: null });
  });
});
