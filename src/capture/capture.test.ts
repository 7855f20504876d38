import { describe, it } from 'node:test';
import { expect } from 'expect';
import { captureBytes, mediaTypeOf, sha256Hex } from './capture.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const capture = (text: string, mediaType: 'text/html' | 'text/plain' | 'text/markdown') => captureBytes({ bytes: bytes(text), mediaType });

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Dozens detained in Chechnya | Example Outlet</title>
<meta property="og:title" content="Dozens detained in Chechnya">
<meta property="og:site_name" content="Example Outlet">
<link rel="canonical" href="https://outlet.example/news/dozens-detained">
<meta property="article:published_time" content="2019-01-14T09:30:00+03:00">
<meta name="author" content="A. Reporter">
<script>window.analytics = { track() {} };</script>
</head><body>
<header class="site-header"><a href="/">Example Outlet</a><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/opinion">Opinion</a></nav></header>
<div id="cookie-consent">We use cookies to improve your experience. <button>Accept all</button></div>
<main><article>
<h1>Dozens detained in Chechnya</h1>
<div class="share-buttons"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Telegram</a></div>
<p>Police in Chechnya have detained at least 40 people since December, the Russian LGBT Network said on Monday, and two of them died in custody.</p>
<p>Igor Kochetkov, who heads the group, said the detainees were held in a police building in Argun and that relatives had been told to keep quiet.</p>
<div class="newsletter-box"><p>Subscribe to our newsletter</p><form><input type="email"></form></div>
<p>Chechen officials denied the reports and called them an invention of foreign media, as they had done in 2017.</p>
<section class="related-articles"><h3>Related articles</h3><ul><li><a href="/a">Chechnya purge: what we know</a></li><li><a href="/b">Memorial office attacked</a></li></ul></section>
</article></main>
<aside class="sidebar"><h3>Most read</h3><ol><li>Unrelated story</li></ol></aside>
<div class="donate-banner">Support independent journalism. Donate now</div>
<footer><p>© 2019 Example Outlet. All rights reserved.</p></footer>
<script>document.write('<img src=x onerror=alert(1)>')</script>
</body></html>`;

describe('captureBytes on an HTML page', () => {
  const captured = capture(PAGE, 'text/html');

  it('keeps the article paragraphs, in order, separated by blank lines', () => {
    const paragraphs = captured.text.split('\n\n');
    expect(paragraphs[paragraphs.length - 1]).toMatch(/^Chechen officials denied the reports/);
    expect(captured.text).toContain('Police in Chechnya have detained at least 40 people since December');
    expect(captured.text).toContain('Igor Kochetkov, who heads the group');
  });

  it('drops navigation, cookie notice, share, newsletter, related, sidebar, donation prompt, footer and scripts', () => {
    for (const furniture of ['Home', 'Opinion', 'cookies', 'Accept all', 'Facebook', 'Subscribe', 'Related articles', 'what we know', 'Most read', 'Donate', 'All rights reserved', 'analytics', 'onerror', 'alert']) {
      expect([furniture, captured.text.includes(furniture)]).toEqual([furniture, false]);
    }
  });

  it('reads title, site name, author, canonical URL and published time from the page', () => {
    expect(captured).toMatchObject({
      title: 'Dozens detained in Chechnya',
      sourceName: 'Example Outlet',
      author: 'A. Reporter',
      canonicalUrl: 'https://outlet.example/news/dozens-detained',
      publishedAt: '2019-01-14T06:30:00.000Z',
      language: 'en',
      mediaType: 'text/html',
      warnings: [],
    });
    expect(captured.sha256).toBe(sha256Hex(bytes(PAGE)));
  });

  it('reads the published date from JSON-LD or a <time> element when no meta tag has it', () => {
    const jsonLd = capture(
      '<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"From JSON-LD","datePublished":"2018-01-17","author":{"@type":"Person","name":"Staff writer"},"publisher":{"name":"LD Outlet"}}]}</script></head><body><article><p>Oyub Titiev, head of the Memorial office in Grozny, was detained on drug charges that colleagues call fabricated.</p></article></body></html>',
      'text/html',
    );
    expect(jsonLd).toMatchObject({ title: 'From JSON-LD', publishedAt: '2018-01-17', author: 'Staff writer', sourceName: 'LD Outlet' });
    const time = capture('<html><body><article><h1>Heading</h1><time datetime="2009-07-15">15 July</time><p>Natalia Estemirova was abducted outside her home in Grozny in the morning and found dead in Ingushetia.</p></article></body></html>', 'text/html');
    expect(time.publishedAt).toBe('2009-07-15');
  });

  it('falls back to a printed date in an element whose class names a date, and ignores text that is no date', () => {
    const body = '<p>Members of the LGBT community have been detained in Chechnya since the end of 2018, the human rights group said on Monday.</p>';
    const printed = capture(`<html><body><div class="newsdate">14 January 2019 15:13</div><article>${body}</article></body></html>`, 'text/html');
    expect(printed.publishedAt).toBe('2019-01-14T15:13:00.000Z');
    const dotted = capture(`<html><body><span id="post-date">14.01.2019</span><article>${body}</article></body></html>`, 'text/html');
    expect(dotted.publishedAt).toBe('2019-01-14');
    const vague = capture(`<html><body><span class="update-date">Updated recently</span><article>${body}</article></body></html>`, 'text/html');
    expect(vague.publishedAt).toBeNull();
  });

  it('survives 10,000 nested tags, keeping the text and saying why article detection was skipped', () => {
    const deep = `<html><body><p>Opening paragraph of a badly made page.</p>${'<div>'.repeat(10_000)}Text at the bottom of the nesting.${'</div>'.repeat(10_000)}<script>alert(1)</script></body></html>`;
    const captured = capture(deep, 'text/html');
    expect(captured.text).toBe('Opening paragraph of a badly made page.\n\nText at the bottom of the nesting.');
    expect(captured.warnings[0]).toMatch(/nested 10001 levels deep/);
  });

  it('rejects a page with no text', () => {
    expect(() => capture('<html><head><script>x()</script></head><body><nav>Home</nav></body></html>', 'text/html')).toThrow(/no text left after cleaning/);
  });

  it('keeps script text inert: it never appears in the captured text', () => {
    const captured = capture('<html><body><p>Reporting with enough words to be an article about the purge in Chechnya.</p><script>fetch("//evil")</script><p onclick="steal()">Second paragraph.</p></body></html>', 'text/html');
    expect(captured.text).not.toMatch(/fetch|steal|evil/);
  });
});

describe('captureBytes on text and Markdown', () => {
  it('takes metadata from front matter and leaves it out of the text', () => {
    const captured = capture('---\ntitle: Estemirova murdered\nsource: Memorial\npublished: 2009-07-15\nurl: https://memo.example/x\nauthor: Staff\n---\nNatalia Estemirova was abducted in Grozny.\n\nShare this article\n', 'text/plain');
    expect(captured).toMatchObject({ title: 'Estemirova murdered', sourceName: 'Memorial', publishedAt: '2009-07-15', canonicalUrl: 'https://memo.example/x', author: 'Staff', text: 'Natalia Estemirova was abducted in Grozny.' });
  });

  it('keeps a malformed front matter as text, with a warning', () => {
    const captured = capture('---\ntitle: [unclosed\n---\nBody text of the report about the events in Grozny.', 'text/plain');
    expect(captured.title).toBeNull();
    expect(captured.warnings[0]).toMatch(/front matter ignored/);
  });

  it('turns Markdown into plain paragraphs without markup', () => {
    const captured = capture('# Heading\n\nSome **bold** and _italic_ text with a [link](https://x.example) &amp; more.\n\n- first item\n- second item\n\n> quoted line\n', 'text/markdown');
    expect(captured.text).toBe('Heading\n\nSome bold and italic text with a link & more.\n\nfirst item\n\nsecond item\n\nquoted line');
  });

  it('detects English and Russian', () => {
    expect(capture('Правозащитный центр «Мемориал» сообщил о задержании сотрудника в Грозном и потребовал его освободить.', 'text/plain').language).toBe('ru');
    expect(capture('The human rights centre Memorial reported that a member of its staff was detained in Grozny.', 'text/plain').language).toBe('en');
  });

  it('rejects a file of whitespace only', () => {
    expect(() => capture(' \n\t\n ', 'text/plain')).toThrow(/no text left/);
  });
});

describe('mediaTypeOf', () => {
  it('knows the file types Chronicle reads', () => {
    expect(mediaTypeOf('a/B.HTM')).toBe('text/html');
    expect(mediaTypeOf('notes.md')).toBe('text/markdown');
    expect(mediaTypeOf('x.txt')).toBe('text/plain');
    expect(mediaTypeOf('report.pdf')).toBeNull();
  });
});
