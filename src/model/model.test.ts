import { describe, it } from 'node:test';
import { expect } from 'expect';
import { ActType, FigureBound, FigureCategory, FigureValue, newId, idSchema, textSpan, vocabulary, vocabularyLabel, AuditEvent } from './index.js';

describe('the model', () => {
  it('loads the vocabulary with English and Russian labels for every key', () => {
    expect(ActType.options).toContain('detention');
    expect(FigureCategory.options).toContain('killed');
    expect(FigureBound.options).toEqual(['exact', 'at_least', 'more_than', 'about', 'at_most', 'range']);
    for (const section of ['acts', 'figures', 'bounds'] as const) {
      for (const label of Object.values(vocabulary[section])) expect(label.ru.length).toBeGreaterThan(0);
    }
    expect(vocabularyLabel('acts', 'detention', 'ru')).toBe('Произвольное задержание или арест');
    expect(ActType.safeParse('parking_ticket').success).toBe(false);
  });

  it('makes ids that validate, sort by creation and cannot pass for another kind', () => {
    const ids = Array.from({ length: 50 }, () => newId('document'));
    expect([...ids].sort()).toEqual(ids);
    expect(idSchema('document').safeParse(ids[0]).success).toBe(true);
    expect(idSchema('claim').safeParse(ids[0]).success).toBe(false);
  });

  it('makes spans that quote exactly what they cover, and refuses spans outside the text', () => {
    const documentId = newId('document');
    const text = 'Police detained at least 40 people.';
    expect(textSpan(documentId, text, 7, 15)).toEqual({ documentId, start: 7, end: 15, quote: 'detained' });
    expect(() => textSpan(documentId, text, 30, 50)).toThrow(RangeError);
  });

  it('accepts a range only with a max, and a max only for a range', () => {
    expect(FigureValue.safeParse({ category: 'detained', value: 10, max: 20, bound: 'range' }).success).toBe(true);
    expect(FigureValue.safeParse({ category: 'detained', value: 10, max: null, bound: 'range' }).success).toBe(false);
    expect(FigureValue.safeParse({ category: 'killed', value: 3, max: 6, bound: 'at_least' }).success).toBe(false);
  });

  it('names audit actions in dotted lower case', () => {
    const event = { seq: 1, at: new Date().toISOString(), actor: 'analyst', subjectId: null, payload: {}, prevHash: '0'.repeat(64), hash: 'f'.repeat(64) };
    expect(AuditEvent.safeParse({ ...event, action: 'claim.accept' }).success).toBe(true);
    expect(AuditEvent.safeParse({ ...event, action: 'Accept Claim' }).success).toBe(false);
  });
});
