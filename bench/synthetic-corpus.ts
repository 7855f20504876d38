import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../src/resolve/seeded-random.js';

/*
 * A reproducible synthetic corpus for benchmarks: article-sized documents (~5 KB of text) in English
 * and Russian, with a Zipf-like vocabulary so that queries range from very common to rare words.
 * Plain text, Markdown and HTML pages with page furniture. Nothing here is real reporting.
 */

const EN_WORDS = (
  'police detained men activists said relatives human rights group reported village city republic officials denied ' +
  'court charges lawyer prison released tortured beaten killed missing abducted threatened journalist office fire ' +
  'statement investigation witnesses families authorities security forces night week month year according local ' +
  'international organisation report evidence testimony detention camp former released later returned home told'
).split(' ');
const RU_WORDS = (
  'полиция задержали мужчин правозащитники сообщили родственники права человека группа село город республика ' +
  'власти отрицали суд обвинения адвокат тюрьма освобождены пытки избиты убиты пропали похищены угрозы журналист ' +
  'офис пожар заявление расследование свидетели семьи силовики ночью неделю месяц год по данным местные ' +
  'международная организация доклад доказательства показания задержание лагерь бывший вернулся домой рассказал'
).split(' ');
const EN_PLACES = ['Grozny', 'Argun', 'Gudermes', 'Nazran', 'Makhachkala', 'Moscow', 'Kurchaloy', 'Shali', 'Urus-Martan', 'Nalchik'];
const RU_PLACES = ['Грозном', 'Аргуне', 'Гудермесе', 'Назрани', 'Махачкале', 'Москве', 'Курчалое', 'Шали', 'Урус-Мартане', 'Нальчике'];
const EN_NAMES = ['Musayev', 'Titiev', 'Yangulbayev', 'Estemirova', 'Kadyrov', 'Milashina', 'Nemov', 'Kochetkov', 'Lapunov', 'Sadulayev'];
const RU_NAMES = ['Мусаев', 'Титиев', 'Янгулбаев', 'Эстемирова', 'Кадыров', 'Милашина', 'Немов', 'Кочетков', 'Лапунов', 'Садулаев'];

/** Random pseudo-words in a script, so the vocabulary has a long tail like real text. */
function pseudoWords(random: () => number, count: number, alphabet: string): string[] {
  const words: string[] = [];
  for (let index = 0; index < count; index++) {
    const length = 4 + Math.floor(random() * 8);
    let word = '';
    for (let char = 0; char < length; char++) word += alphabet[Math.floor(random() * alphabet.length)];
    words.push(word);
  }
  return words;
}

export interface SyntheticCorpus {
  folder: string;
  text: number;
  html: number;
}

export interface CorpusOptions {
  folder: string;
  documents: number;
  /** Share of HTML pages (the rest alternates .txt and .md). */
  htmlShare?: number;
  /** Share of Russian documents. */
  russianShare?: number;
  /** Target characters of article text per document. */
  textChars?: number;
  seed?: number;
}

/**
 * Write the corpus as files, 1,000 per folder, under `folder/text/…` and `folder/html/…` so the
 * two kinds can be ingested (and timed) separately.
 */
export function writeSyntheticCorpus(options: CorpusOptions): SyntheticCorpus {
  const random = seededRandom(options.seed ?? 20261123);
  const htmlShare = options.htmlShare ?? 0.1;
  const russianShare = options.russianShare ?? 0.3;
  const textChars = options.textChars ?? 5000;
  const enTail = pseudoWords(random, 20000, 'abcdefghijklmnoprstuvwy');
  const ruTail = pseudoWords(random, 20000, 'абвгдежзиклмнопрстуфхцчшыэюя');
  // Zipf-like: index drawn as floor(n^u), so low ranks are frequent and the tail is long.
  const pick = <T>(list: readonly T[]): T => list[Math.min(list.length - 1, Math.floor(Math.pow(list.length, random())) - 1)] as T;
  const uniform = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

  const sentence = (russian: boolean): string => {
    const words = russian ? RU_WORDS : EN_WORDS;
    const tail = russian ? ruTail : enTail;
    const parts: string[] = [];
    const length = 8 + Math.floor(random() * 14);
    for (let index = 0; index < length; index++) {
      const roll = random();
      if (roll < 0.55) parts.push(pick(words));
      else if (roll < 0.85) parts.push(pick(tail));
      else if (roll < 0.92) parts.push(uniform(russian ? RU_PLACES : EN_PLACES));
      else if (roll < 0.97) parts.push(uniform(russian ? RU_NAMES : EN_NAMES));
      else parts.push(String(Math.floor(random() * 200)));
    }
    const text = parts.join(' ');
    return `${text[0]?.toUpperCase()}${text.slice(1)}.`;
  };
  const article = (russian: boolean): string[] => {
    const paragraphs: string[] = [];
    let size = 0;
    while (size < textChars) {
      const count = 2 + Math.floor(random() * 4);
      const paragraph = Array.from({ length: count }, () => sentence(russian)).join(' ');
      paragraphs.push(paragraph);
      size += paragraph.length + 2;
    }
    return paragraphs;
  };

  let text = 0;
  let html = 0;
  for (let index = 0; index < options.documents; index++) {
    const russian = random() < russianShare;
    const isHtml = random() < htmlShare;
    const kind = isHtml ? 'html' : 'text';
    const serial = isHtml ? html++ : text++;
    const folder = join(options.folder, kind, String(Math.floor(serial / 1000)).padStart(3, '0'));
    if (serial % 1000 === 0) mkdirSync(folder, { recursive: true });
    const paragraphs = article(russian);
    const title = sentence(russian).slice(0, 80);
    const day = `20${String(10 + Math.floor(random() * 14))}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    if (isHtml) {
      const body = paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n');
      writeFileSync(
        join(folder, `page-${serial}.html`),
        `<!doctype html><html lang="${russian ? 'ru' : 'en'}"><head><meta charset="utf-8"><title>${title} | Synthetic Outlet</title>` +
          `<meta property="og:title" content="${title}"><meta property="og:site_name" content="Synthetic Outlet ${serial % 20}">` +
          `<meta property="article:published_time" content="${day}T10:00:00Z"><link rel="canonical" href="https://synthetic.example/${serial}">` +
          `<script>window.dataLayer=[];</script></head><body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>` +
          `<div class="cookie-notice">We use cookies. <button>OK</button></div><main><article><h1>${title}</h1>` +
          `<div class="share-links"><a>Facebook</a> <a>Telegram</a></div>${body}<div class="newsletter">Subscribe to our newsletter</div>` +
          `<section class="related"><h2>Related</h2><ul><li><a>Another story</a></li></ul></section></article></main>` +
          `<footer>© Synthetic Outlet</footer></body></html>`,
      );
    } else if (serial % 2 === 0) {
      writeFileSync(join(folder, `report-${serial}.txt`), `---\ntitle: ${title}\nsource: Synthetic Source ${serial % 50}\npublished: ${day}\n---\n${paragraphs.join('\n\n')}\n`);
    } else {
      writeFileSync(join(folder, `report-${serial}.md`), `# ${title}\n\n${paragraphs.join('\n\n')}\n`);
    }
  }
  return { folder: options.folder, text, html };
}
