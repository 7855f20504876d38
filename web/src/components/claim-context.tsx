import { api } from '../api.js';
import { useI18n } from '../i18n/i18n.js';
import { useApi } from '../use-api.js';

const REACH = 240;

/** Where to cut the context: at a sentence or line boundary near the reach, else at a space. */
export function contextBounds(text: string, start: number, end: number, reach = REACH): [number, number] {
  let from = Math.max(0, start - reach);
  let to = Math.min(text.length, end + reach);
  const before = text.slice(from, start);
  const sentenceStart = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'));
  if (sentenceStart >= 0) from += sentenceStart + 1;
  else if (from > 0) from += Math.max(0, before.indexOf(' ') + 1);
  const after = text.slice(end, to);
  const stops = [after.indexOf('. '), after.indexOf('\n')].filter((index) => index >= 0);
  if (stops.length > 0) to = end + Math.min(...stops) + 1;
  else if (to < text.length) to = end + Math.max(0, after.lastIndexOf(' '));
  return [from, to];
}

/**
 * The sentence around a claim's span, read from its document, so a reviewer judges "rounded up" in
 * the words that surround it. The document is fetched once per id while the queue stays open.
 */
export function ClaimContext({ documentId, start, end, reach = REACH, className = 'context' }: { documentId: string; start: number; end: number; reach?: number; className?: string }) {
  const { t } = useI18n();
  const [detail] = useApi((signal) => documentText(documentId, signal), documentId);
  if (detail.state !== 'ready') return <p className={`${className} muted`}>{detail.state === 'loading' ? t('common.loading') : t('common.error', { message: detail.message })}</p>;
  const text = detail.data;
  const [from, to] = contextBounds(text, start, end, reach);
  return (
    <p className={className} aria-label={t('review.context')}>
      {from > 0 && !/[.!?\n]\s*$/.test(text.slice(Math.max(0, from - 3), from)) && '… '}
      {text.slice(from, start).trimStart()}
      <mark>{text.slice(start, end)}</mark>
      {text.slice(end, to).trimEnd()}
      {to < text.length && !/[.!?]$/.test(text.slice(0, to).trimEnd()) && ' …'}
    </p>
  );
}

const texts = new Map<string, Promise<string>>();

function documentText(id: string, signal: AbortSignal): Promise<string> {
  let text = texts.get(id);
  if (!text) {
    // Not tied to one component's signal: the cached request may serve the next claim of the same document.
    text = api.document(id).then((detail) => detail.document.text);
    text.catch(() => texts.delete(id));
    texts.set(id, text);
  }
  return signal.aborted ? Promise.reject(new DOMException('aborted', 'AbortError')) : text;
}
