import { describe, it } from 'node:test';
import { expect } from 'expect';
import { detectLanguage } from './language.js';

describe('detectLanguage', () => {
  it('tells Russian from its Cyrillic neighbours on a single paragraph', () => {
    // Short Russian paragraphs are where trigram detectors say Bulgarian or Ukrainian.
    expect(detectLanguage('Сотрудники полиции задержали троих мужчин у здания суда; родственники узнали об этом только через два дня.')).toBe('ru');
    expect(detectLanguage('Днём адвоката не пустили к подзащитному, а вечером его перевели в другой изолятор без объяснения причин.')).toBe('ru');
    expect(detectLanguage('Правозахисники повідомили, що затриманих чоловіків утримували без адвоката кілька днів поспіль.')).toBe('uk');
  });

  it('names Latin-script languages with ISO 639-1 codes', () => {
    expect(detectLanguage('Lawyers for the detained men said they had not been allowed to see their clients for three days.')).toBe('en');
    expect(detectLanguage('Die Anwälte der festgenommenen Männer durften ihre Mandanten drei Tage lang nicht sehen.')).toBe('de');
  });

  it('looks only at the start of a long text', () => {
    const russian = 'Родственники задержанных обратились в прокуратуру республики с жалобой на действия полиции. ';
    expect(detectLanguage(russian.repeat(20) + 'The rest of this long document is written in English. '.repeat(200))).toBe('ru');
  });

  it('says nothing about a text too short to tell', () => {
    expect(detectLanguage('Грозный, 2019')).toBeNull();
    expect(detectLanguage('   \n\n   ')).toBeNull();
  });
});
