import type { TextBlock } from './text-block.js';

/*
 * Page furniture: what a site wraps around every article (navigation, share and subscribe prompts,
 * donation appeals, cookie notices, "related articles"). The rules are general — words that such
 * elements use in their markup and their text, in English and Russian — never rules for one site.
 */

/** class/id words that mark furniture; a token matches when it equals one, or starts with one of 5+ letters. */
const FURNITURE_MARKUP_WORDS = [
  'ad', 'ads', 'advert', 'advertisement', 'banner', 'breadcrumb', 'breadcrumbs', 'comment', 'comments',
  'consent', 'cookie', 'cookies', 'donate', 'donation', 'gdpr', 'menu', 'modal', 'nav', 'navbar',
  'navigation', 'newsletter', 'outbrain', 'paywall', 'popup', 'promo', 'recommended', 'related', 'share',
  'sharing', 'sidebar', 'social', 'sponsor', 'sponsored', 'subscribe', 'subscription', 'taboola', 'footer',
  'readalso', 'toolbar', 'masthead',
  // Reader-appeal boxes ("support-box", "support-the-guardian") and section labels ("article__rubric").
  'support', 'rubric',
];
const EXACT_WORDS = new Set(FURNITURE_MARKUP_WORDS);
const PREFIX_WORDS = FURNITURE_MARKUP_WORDS.filter((word) => word.length >= 5);

/** Does a class or id attribute value name furniture? ("article-share-links", "cookieBanner", "read-also", "box-support") */
export function isFurnitureMarkup(attributeValue: string): boolean {
  const spaced = attributeValue.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const tokens = spaced.split(/[^a-z0-9]+/).filter(Boolean);
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as string;
    if (EXACT_WORDS.has(token)) return true;
    if (PREFIX_WORDS.some((word) => token.startsWith(word))) return true;
    if (token === 'read' && (tokens[index + 1] === 'also' || tokens[index + 1] === 'more')) return true;
  }
  return false;
}

/** Elements that are furniture whatever their class. */
export const FURNITURE_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'form', 'button', 'input', 'select', 'textarea',
  'svg', 'canvas', 'nav', 'footer', 'aside', 'dialog', 'object', 'embed', 'video', 'audio', 'picture', 'img',
]);
export const FURNITURE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'dialog', 'alertdialog', 'search', 'menu', 'menubar']);

// Short blocks whose words are those of prompts, notices and lists of links, not of reporting.
const FURNITURE_TEXT: RegExp[] = [
  /^(share(\s+(this|on|via|to)\b|\s*:|\s*$)|поделит|отправить другу)/i,
  /^((facebook|twitter|x|telegram|whatsapp|vk|вконтакте|linkedin|reddit|email|e-mail|print|copy link|скопировать ссылку|одноклассники)[\s,|•·/]*){2,}$/i,
  /\b(subscribe to|sign up (for|to)|get (our|the) newsletter|join our newsletter|our (daily|weekly) newsletter)\b/i,
  /(подпиш(ись|итесь)|подписаться на (нашу |наш )?(рассылку|канал|телеграм)|подпишитесь на)/i,
  /(^donate\b|\bdonate (now|today|here|to us)\b|\bsupport (us|our work|our journalism|independent journalism)\b|\bbecome a (member|supporter|patron)\b|\bmake a donation\b)/i,
  /(поддерж(ите|ать) (нас|редакцию|независим)|пожертвова|сделать пожертвование|задонатить)/i,
  /\b(we use cookies|this (site|website) uses cookies|cookie (policy|settings)|accept (all )?cookies)\b/i,
  /(использу(ем|ет) (файлы )?cookie|файлы cookie|куки-файлы)/i,
  /^(related( articles| stories| posts| coverage)?|read (also|more|next)|see also|more (on this|stories|from)|recommended( for you)?|you (may|might) also like|most read|popular)\s*:?$/i,
  /^(читайте также|читайте еще|читайте ещё|по теме|смотрите также|ещё по теме|еще по теме|другие материалы|самое читаемое|популярное)\s*:?$/i,
  /^(advertisement|sponsored( content)?|реклама|партнерский материал)\s*$/i,
  /(^©|\ball rights reserved\b|все права защищены)/i,
  /^(\d+\s+)?(comments?|комментари[йяи]\w*)\s*(\(\d+\))?\s*$/i,
  /\b(follow us on|follow us:|мы в соцсетях|мы в телеграм|наш телеграм-канал)\b/i,
];
/** Prompts and notices are short; a longer block is reporting even when it uses one of the words. */
const FURNITURE_MAX_CHARS = 240;
const RELATED_HEADING = /^(related|read (also|more|next)|see also|more (on this|stories|from)|recommended|you (may|might) also like|most read|читайте|по теме|смотрите также|ещё по теме|еще по теме|другие материалы|самое читаемое)/i;

export function isFurnitureText(text: string): boolean {
  if (text.length > FURNITURE_MAX_CHARS) return false;
  return FURNITURE_TEXT.some((pattern) => pattern.test(text));
}

// A link list item: short, no sentence-final punctuation.
function looksLikeLinkLine(block: TextBlock): boolean {
  return block.text.length <= 160 && !/[.!?»"”]$/.test(block.text);
}

/**
 * Drop furniture blocks. A "Related articles" / "Читайте также" heading takes the list of links
 * that follows it along; everything else is judged block by block.
 */
export function dropFurniture(blocks: readonly TextBlock[]): { kept: TextBlock[]; dropped: number } {
  const kept: TextBlock[] = [];
  let dropped = 0;
  let inRelatedList = false;
  for (const block of blocks) {
    if (inRelatedList && (block.kind === 'item' || looksLikeLinkLine(block))) {
      dropped++;
      continue;
    }
    inRelatedList = false;
    if (isFurnitureText(block.text)) {
      dropped++;
      inRelatedList = block.text.length <= 60 && RELATED_HEADING.test(block.text);
      continue;
    }
    kept.push(block);
  }
  return { kept, dropped };
}
