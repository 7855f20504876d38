import { describe, it } from 'node:test';
import { expect } from 'expect';
import { extract, looksEnglish } from './extract.js';

describe('extract', () => {
  it('applies English rules to English text that language detection misread', () => {
    const sentence = 'Chechen police detained at least forty men in Grozny and Argun over two weeks.';
    expect(looksEnglish(sentence)).toBe(true);
    expect(extract(sentence, { language: 'de' }).acts.map((act) => act.type)).toEqual(['detention']);
  });

  it('leaves other languages alone', () => {
    expect(looksEnglish('Сотрудники полиции задержали правозащитника в Грозном.')).toBe(false);
    expect(looksEnglish('Die Polizei hat in Grosny mindestens vierzig Männer festgenommen, sagte die Organisation.')).toBe(false);
    expect(extract('Сотрудники полиции задержали правозащитника в Грозном.', { language: 'ru' })).toMatchObject({ mentions: [], acts: [], figures: [] });
  });

  it('links a figure to the attribution whose statement covers it', () => {
    const result = extract('Police detained at least 40 men in Grozny, according to Memorial.', { language: 'en' });
    const figure = result.figures.find((item) => item.what === 'detained')!;
    expect(figure.attribution).not.toBeNull();
    expect(result.attributions[figure.attribution!]!.source).toBe('Memorial');
  });
});
