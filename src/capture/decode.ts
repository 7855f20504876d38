import chardet from 'chardet';

/** Why bytes could not become text; the message is shown to a person as is. */
export class CaptureRejection extends Error {
  override readonly name = 'CaptureRejection';
}

export interface DecodedText {
  text: string;
  encoding: string;
  warnings: string[];
}

// Formats people drop into a folder by mistake, named so the message says what the file is.
const SIGNATURES: { magic: number[]; name: string }[] = [
  { magic: [0x25, 0x50, 0x44, 0x46], name: 'a PDF document' },
  { magic: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive (or DOCX/ODT)' },
  { magic: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { magic: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { magic: [0x1f, 0x8b], name: 'a gzip archive' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], name: 'an old Office document' },
  { magic: [0x7f, 0x45, 0x4c, 0x46], name: 'an executable' },
];

const SNIFF_BYTES = 8192;
// Above this share of replaced bytes, the text is not worth salvaging.
const MAX_REPLACEMENT_SHARE = 0.01;
const SINGLE_BYTE_CYRILLIC = new Set(['windows-1251', 'koi8-r', 'iso-8859-5', 'ibm866']);

function binaryReason(bytes: Uint8Array): string | null {
  for (const { magic, name } of SIGNATURES) {
    if (magic.every((byte, index) => bytes[index] === byte)) return `${name}, not a text file`;
  }
  const offset = bytes.subarray(0, SNIFF_BYTES).indexOf(0);
  return offset >= 0 ? `not a text file (binary bytes at offset ${offset})` : null;
}

// Decoding without `stream` keeps no state between calls, so the common decoder is made once.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return (encoding === 'utf-8' ? STRICT_UTF8 : new TextDecoder(encoding, { fatal: true })).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Bytes to text. UTF-8 (with or without BOM) is expected; a declared charset (from HTML) is honoured;
 * legacy Cyrillic encodings are detected; a few invalid bytes are replaced with a warning; binary
 * files and undecodable text are rejected with a reason.
 */
export function decodeText(bytes: Uint8Array, declaredCharset?: string | null): DecodedText {
  if (bytes.length === 0) throw new CaptureRejection('empty file');
  const binary = binaryReason(bytes);
  if (binary) throw new CaptureRejection(binary);

  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', warnings: [] };

  const warnings: string[] = [];
  const candidates: string[] = [];
  if (declaredCharset && declaredCharset.toLowerCase() !== 'utf-8') candidates.push(declaredCharset.toLowerCase());
  const detected = chardet.analyse(bytes.subarray(0, 65536));
  for (const guess of detected) {
    const name = guess.name.toLowerCase();
    if (SINGLE_BYTE_CYRILLIC.has(name) && guess.confidence >= 30) candidates.push(name);
  }
  for (const encoding of candidates) {
    const text = tryDecode(bytes, encoding);
    if (text !== null) {
      warnings.push(`not UTF-8; decoded as ${encoding}`);
      return { text, encoding, warnings };
    }
  }

  const salvaged = new TextDecoder('utf-8').decode(bytes);
  let replaced = 0;
  let firstBad = -1;
  for (let index = 0; index < salvaged.length; index++) {
    if (salvaged.charCodeAt(index) === 0xfffd) {
      replaced++;
      if (firstBad < 0) firstBad = index;
    }
  }
  if (replaced / salvaged.length > MAX_REPLACEMENT_SHARE) {
    throw new CaptureRejection(`not valid UTF-8 text (${replaced} undecodable sequences, first at character ${firstBad}) and no known encoding fits`);
  }
  warnings.push(`invalid UTF-8: ${replaced} undecodable sequence(s) replaced with U+FFFD, first at character ${firstBad}`);
  return { text: salvaged, encoding: 'utf-8', warnings };
}

/** The charset a page declares in its first bytes (`<meta charset>` or `http-equiv` content type), if any. */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  // Encoding sniffing must happen before decoding, so it reads ASCII bytes, as browsers do (HTML spec §13.2.3.2).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i.exec(head);
  return match?.[1] ?? null;
}
