import { describe, it } from 'node:test';
import { expect } from 'expect';
import { dropFurniture, isFurnitureMarkup, isFurnitureText } from './furniture.js';

describe('furniture rules', () => {
  it('recognise furniture by class and id words, not by substrings', () => {
    for (const value of ['article-share-links', 'cookieBanner', 'newsletter-signup', 'read-also', 'relatedPosts', 'site-nav', 'ad', 'donate_box']) {
      expect([value, isFurnitureMarkup(value)]).toEqual([value, true]);
    }
    for (const value of ['article-body', 'shadow', 'headline', 'content', 'admin-note', 'story']) {
      expect([value, isFurnitureMarkup(value)]).toEqual([value, false]);
    }
  });

  it('recognise prompts and notices in English and Russian', () => {
    for (const text of ['Share on Facebook', 'Subscribe to our newsletter', 'Donate now', 'We use cookies to improve your experience. Accept', 'Читайте также', 'Поделиться', 'Поддержите нас', 'Мы используем файлы cookie', '© 2019 Outlet. All rights reserved.', 'Facebook Twitter Telegram']) {
      expect([text, isFurnitureText(text)]).toEqual([text, true]);
    }
  });

  it('keep reporting that happens to use the same words', () => {
    const long = 'Activists said they had been forced to ask supporters to donate money for lawyers, because the detained men, who were held for weeks in Argun, could not pay for their own defence and their families had been threatened.';
    expect(isFurnitureText(long)).toBe(false);
    expect(isFurnitureText('Police detained at least 40 people.')).toBe(false);
    expect(isFurnitureText('Share of detainees released: unknown, activists said.')).toBe(false);
  });

  it('a "related" heading takes its list of links along, and stops at the next paragraph', () => {
    const { kept, dropped } = dropFurniture([
      { kind: 'paragraph', text: 'The body of the report.' },
      { kind: 'heading', text: 'Related articles' },
      { kind: 'item', text: 'Chechnya: another story' },
      { kind: 'paragraph', text: 'A second link headline' },
      { kind: 'paragraph', text: 'The report continues with a full sentence.' },
    ]);
    expect(kept.map((block) => block.text)).toEqual(['The body of the report.', 'The report continues with a full sentence.']);
    expect(dropped).toBe(3);
  });
});
