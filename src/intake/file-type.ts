/*
 * What a file is, from its bytes. A file's name and declared type are the sender's word; its first
 * bytes are not. Intake accepts only the kinds below, and refuses a file whose name or declared
 * type says one kind while its bytes say another.
 */

export type FileKind = 'jpeg' | 'png' | 'webp' | 'gif' | 'heic' | 'tiff' | 'pdf' | 'text' | 'mp3' | 'mp4' | 'quicktime' | 'm4a' | 'ogg' | 'wav' | 'zip';

export const MEDIA_TYPES: Record<FileKind, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
  tiff: 'image/tiff',
  pdf: 'application/pdf',
  text: 'text/plain',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  quicktime: 'video/quicktime',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  wav: 'audio/wav',
  zip: 'application/zip',
};

// Declared media types and extensions each kind may arrive under (browsers and phones differ).
const DECLARED: Record<FileKind, { types: string[]; extensions: string[] }> = {
  jpeg: { types: ['image/jpeg', 'image/jpg', 'image/pjpeg'], extensions: ['jpg', 'jpeg', 'jpe', 'jfif'] },
  png: { types: ['image/png'], extensions: ['png'] },
  webp: { types: ['image/webp'], extensions: ['webp'] },
  gif: { types: ['image/gif'], extensions: ['gif'] },
  heic: { types: ['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'], extensions: ['heic', 'heif'] },
  tiff: { types: ['image/tiff'], extensions: ['tif', 'tiff', 'dng'] },
  pdf: { types: ['application/pdf'], extensions: ['pdf'] },
  text: { types: ['text/plain', 'text/markdown', 'text/csv'], extensions: ['txt', 'md', 'csv', 'text'] },
  mp3: { types: ['audio/mpeg', 'audio/mp3'], extensions: ['mp3'] },
  mp4: { types: ['video/mp4', 'audio/mp4'], extensions: ['mp4', 'm4v'] },
  quicktime: { types: ['video/quicktime'], extensions: ['mov', 'qt'] },
  m4a: { types: ['audio/mp4', 'audio/x-m4a', 'audio/m4a', 'audio/aac'], extensions: ['m4a', 'aac'] },
  ogg: { types: ['audio/ogg', 'video/ogg', 'application/ogg', 'audio/opus'], extensions: ['ogg', 'oga', 'opus', 'ogv'] },
  wav: { types: ['audio/wav', 'audio/x-wav', 'audio/wave', 'audio/vnd.wave'], extensions: ['wav'] },
  zip: { types: ['application/zip', 'application/x-zip-compressed', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.oasis.opendocument.text'], extensions: ['zip', 'docx', 'xlsx', 'odt', 'ods'] },
};

// Types any browser may send for a file it knows nothing about.
const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

const ascii = (bytes: Uint8Array, start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length));

/** The kind of file these bytes are, or null when intake does not accept it. */
export function sniffFileKind(bytes: Uint8Array): FileKind | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE') return 'wav';
  if (bytes.length >= 6 && (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')) return 'gif';
  if (bytes.length >= 4 && (ascii(bytes, 0, 4) === 'II*\0' || ascii(bytes, 0, 4) === 'MM\0*')) return 'tiff';
  if (bytes.length >= 5 && ascii(bytes, 0, 5) === '%PDF-') return 'pdf';
  if (bytes.length >= 4 && ascii(bytes, 0, 4) === 'OggS') return 'ogg';
  if (bytes.length >= 4 && ascii(bytes, 0, 4) === 'PK\x03\x04') return 'zip';
  if (bytes.length >= 3 && ascii(bytes, 0, 3) === 'ID3') return 'mp3';
  if (bytes.length >= 2 && bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0 && ((bytes[1] ?? 0) & 0x06) !== 0) return 'mp3';
  if (bytes.length >= 12 && ascii(bytes, 4, 4) === 'ftyp') {
    const brand = ascii(bytes, 8, 4);
    if (['heic', 'heix', 'heim', 'heis', 'hevc', 'mif1', 'msf1'].includes(brand)) return 'heic';
    if (brand === 'qt  ') return 'quicktime';
    if (brand.startsWith('M4A') || brand.startsWith('M4B')) return 'm4a';
    return 'mp4';
  }
  return isPlainText(bytes) ? 'text' : null;
}

/** Valid UTF-8 with no NUL and few control characters. */
export function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex -- control characters mark binary data
  return !/[\0-\x08\x0e-\x1f\x7f]/.test(text);
}

export type FileCheck = { ok: true; kind: FileKind; mediaType: string } | { ok: false; problem: 'unknown' | 'mismatch'; detail: string };

/** Check a file's bytes against its name and declared type. */
export function checkFile(bytes: Uint8Array, name: string, declaredType: string): FileCheck {
  const kind = sniffFileKind(bytes);
  if (!kind) return { ok: false, problem: 'unknown', detail: 'its contents are not a kind of file this form accepts' };
  const accepted = DECLARED[kind];
  const declared = declaredType.toLowerCase().split(';')[0]?.trim() ?? '';
  if (!GENERIC_TYPES.has(declared) && !accepted.types.includes(declared)) return { ok: false, problem: 'mismatch', detail: `it says it is ${declared} but its contents are ${MEDIA_TYPES[kind]}` };
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase();
  const extensionKind = extension ? (Object.keys(DECLARED) as FileKind[]).filter((other) => DECLARED[other].extensions.includes(extension)) : [];
  if (extensionKind.length > 0 && !extensionKind.includes(kind)) return { ok: false, problem: 'mismatch', detail: `its name ends in .${extension} but its contents are ${MEDIA_TYPES[kind]}` };
  return { ok: true, kind, mediaType: MEDIA_TYPES[kind] };
}
