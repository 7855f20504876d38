import type { IntakeAttachmentInfo } from '../model/intake-report.js';
import { checkFile } from './file-type.js';
import { ImageFormatError, isStrippable, stripImageMetadata } from './image-metadata.js';

/** One copy of a file ready to seal. */
export interface AttachmentCopy {
  info: IntakeAttachmentInfo;
  bytes: Uint8Array;
}

export type PreparedAttachment =
  | { ok: true; copies: AttachmentCopy[]; locationFound: boolean; metadataRemoved: boolean }
  | { ok: false; name: string; problem: 'unknown' | 'mismatch' | 'corrupt'; detail: string };

/** A file name without any folder part, control characters or more than 255 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(-255);
  return cleaned || 'file';
}

/**
 * Check a file against its name and type, strip metadata from images we can strip, and note
 * whether it carried location data. With `keepOriginal` the unaltered file is a second copy
 * (sealed separately), for reporters who need the metadata as evidence.
 * `locationFoundElsewhere` lets the server add a library's view (formats we cannot strip).
 */
export function prepareAttachment(bytes: Uint8Array, rawName: string, declaredType: string, keepOriginal: boolean, locationFoundElsewhere = false): PreparedAttachment {
  const name = cleanFileName(rawName);
  const check = checkFile(bytes, name, declaredType);
  if (!check.ok) return { ok: false, name, problem: check.problem, detail: check.detail };
  let cleaned = bytes;
  let metadataRemoved = false;
  let locationFound = false;
  if (isStrippable(check.kind)) {
    try {
      const stripped = stripImageMetadata(check.kind, bytes);
      cleaned = stripped.bytes;
      metadataRemoved = stripped.report.metadataFound;
      locationFound = stripped.report.locationFound;
    } catch (error) {
      if (error instanceof ImageFormatError) return { ok: false, name, problem: 'corrupt', detail: error.message };
      throw error;
    }
  }
  if (locationFoundElsewhere) locationFound = true;
  const base = { name, mediaType: check.mediaType, locationFound };
  const copies: AttachmentCopy[] = [{ info: { ...base, size: cleaned.length, variant: isStrippable(check.kind) ? 'cleaned' : 'as_sent', metadataRemoved }, bytes: cleaned }];
  if (keepOriginal && metadataRemoved) copies.push({ info: { ...base, size: bytes.length, variant: 'original', metadataRemoved: false }, bytes });
  return { ok: true, copies, locationFound, metadataRemoved };
}
