import { concatBytes } from './sodium.js';

/*
 * Removing metadata from images without touching their pixels. Photos carry EXIF (camera serial,
 * time, GPS position), XMP (the same and editing history) and text chunks; any of it can identify a
 * reporter or where they stood. We cut those segments out of JPEG, PNG and WebP files, losslessly,
 * so the evidence value of the image data is kept. The same code runs in the reporter's browser
 * (before encryption) and on the server (for reporters without JavaScript).
 *
 * Kept: image data, quantisation and Huffman tables, JFIF, Adobe colour transform, ICC colour
 * profiles (PNG iCCP, JPEG APP2 ICC_PROFILE), gamma and colour chunks. Dropped: JPEG APP1 (EXIF,
 * XMP), APP2 other than ICC (FlashPix, MPF), APP3–APP13 (IPTC/Photoshop), APP15, comments, and
 * anything after the end-of-image marker (MPF previews); PNG tEXt, zTXt, iTXt, eXIf and tIME and
 * anything after IEND; WebP EXIF and XMP chunks. An image's EXIF orientation is lost with EXIF.
 */

export type StrippableKind = 'jpeg' | 'png' | 'webp';

export interface MetadataReport {
  /** GPS coordinates in EXIF, or GPS properties in XMP. */
  locationFound: boolean;
  /** Any EXIF, XMP, comment or text metadata present. */
  metadataFound: boolean;
}

export class ImageFormatError extends Error {
  override readonly name = 'ImageFormatError';
}

const be16 = (bytes: Uint8Array, at: number) => ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
const be32 = (bytes: Uint8Array, at: number) => (((bytes[at] ?? 0) << 24) >>> 0) + ((bytes[at + 1] ?? 0) << 16) + ((bytes[at + 2] ?? 0) << 8) + (bytes[at + 3] ?? 0);
const le32 = (bytes: Uint8Array, at: number) => ((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16) | ((bytes[at + 3] ?? 0) << 24)) >>> 0;
const ascii = (bytes: Uint8Array, start: number, length: number) => String.fromCharCode(...bytes.subarray(start, Math.min(start + length, bytes.length)));
const latin1 = (bytes: Uint8Array) => {
  let text = '';
  for (let offset = 0; offset < bytes.length; offset += 8192) text += String.fromCharCode(...bytes.subarray(offset, offset + 8192));
  return text;
};

/** True when a TIFF/EXIF block has a GPS IFD holding a latitude or longitude. */
export function exifHasLocation(tiff: Uint8Array): boolean {
  if (tiff.length < 8) return false;
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return false;
  const u16 = (at: number) => (little ? (tiff[at] ?? 0) | ((tiff[at + 1] ?? 0) << 8) : be16(tiff, at));
  const u32 = (at: number) => (little ? le32(tiff, at) : be32(tiff, at));
  const entries = (ifd: number) => {
    if (ifd + 2 > tiff.length) return [];
    const count = Math.min(u16(ifd), 1000);
    const found: { tag: number; value: number }[] = [];
    for (let index = 0; index < count; index++) {
      const at = ifd + 2 + index * 12;
      if (at + 12 > tiff.length) break;
      found.push({ tag: u16(at), value: u32(at + 8) });
    }
    return found;
  };
  const gpsPointer = entries(u32(4)).find((entry) => entry.tag === 0x8825);
  if (!gpsPointer) return false;
  return entries(gpsPointer.value).some((entry) => entry.tag >= 1 && entry.tag <= 4);
}

const xmpHasLocation = (xmp: string) => /GPS(Latitude|Longitude)|LocationShown|LocationCreated/i.test(xmp);

function stripJpeg(bytes: Uint8Array): { bytes: Uint8Array; report: MetadataReport } {
  const report: MetadataReport = { locationFound: false, metadataFound: false };
  const out: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) throw new ImageFormatError('not a valid JPEG (expected a marker)');
    const marker = bytes[at + 1] ?? -1;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd9) {
      out.push(bytes.subarray(at, at + 2));
      if (at + 2 < bytes.length) report.metadataFound = true;
      return { bytes: concatBytes(out), report };
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      out.push(bytes.subarray(at, at + 2));
      at += 2;
      continue;
    }
    if (at + 4 > bytes.length) throw new ImageFormatError('not a valid JPEG (truncated segment)');
    const end = at + 2 + be16(bytes, at + 2);
    if (end > bytes.length || end < at + 4) throw new ImageFormatError('not a valid JPEG (segment runs past the end)');
    const body = bytes.subarray(at + 4, end);
    let keep = true;
    if (marker === 0xe1) {
      keep = false;
      report.metadataFound = true;
      if (ascii(body, 0, 6) === 'Exif\0\0' && exifHasLocation(body.subarray(6))) report.locationFound = true;
      else if (xmpHasLocation(latin1(body))) report.locationFound = true;
    } else if (marker === 0xe2) keep = ascii(body, 0, 12) === 'ICC_PROFILE\0';
    else if (marker === 0xe0) keep = ascii(body, 0, 5) === 'JFIF\0';
    else if (marker === 0xee) keep = ascii(body, 0, 5) === 'Adobe';
    else if ((marker >= 0xe3 && marker <= 0xef) || marker === 0xfe) keep = false;
    if (!keep) report.metadataFound = true;
    if (keep) out.push(bytes.subarray(at, end));
    at = end;
    if (marker === 0xda) {
      // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart marker.
      let scan = at;
      while (scan < bytes.length) {
        if (bytes[scan] === 0xff) {
          const next = bytes[scan + 1] ?? 0;
          if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7) && next !== 0xff) break;
        }
        scan++;
      }
      out.push(bytes.subarray(at, scan));
      at = scan;
    }
  }
  throw new ImageFormatError('not a valid JPEG (no end-of-image marker)');
}

const PNG_DROPPED = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

function stripPng(bytes: Uint8Array): { bytes: Uint8Array; report: MetadataReport } {
  const report: MetadataReport = { locationFound: false, metadataFound: false };
  const out: Uint8Array[] = [bytes.subarray(0, 8)];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = be32(bytes, at);
    const type = ascii(bytes, at + 4, 4);
    const end = at + 12 + length;
    if (end > bytes.length) throw new ImageFormatError('not a valid PNG (chunk runs past the end)');
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (PNG_DROPPED.has(type)) {
      report.metadataFound = true;
      if (type === 'eXIf' && exifHasLocation(data)) report.locationFound = true;
      // Compressed zTXt may hide XMP we cannot read without inflating: count it as possible location.
      if ((type === 'iTXt' || type === 'tEXt') && xmpHasLocation(latin1(data))) report.locationFound = true;
    } else out.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') {
      if (at < bytes.length) report.metadataFound = true;
      return { bytes: concatBytes(out), report };
    }
  }
  throw new ImageFormatError('not a valid PNG (no IEND chunk)');
}

function stripWebp(bytes: Uint8Array): { bytes: Uint8Array; report: MetadataReport } {
  const report: MetadataReport = { locationFound: false, metadataFound: false };
  const riffEnd = Math.min(bytes.length, 8 + le32(bytes, 4));
  const chunks: Uint8Array[] = [];
  let at = 12;
  while (at + 8 <= riffEnd) {
    const type = ascii(bytes, at, 4);
    const size = le32(bytes, at + 4);
    const end = at + 8 + size + (size % 2);
    if (at + 8 + size > riffEnd) throw new ImageFormatError('not a valid WebP (chunk runs past the end)');
    const data = bytes.subarray(at + 8, at + 8 + size);
    if (type === 'EXIF' || type === 'XMP ') {
      report.metadataFound = true;
      if (type === 'EXIF' && exifHasLocation(ascii(data, 0, 6) === 'Exif\0\0' ? data.subarray(6) : data)) report.locationFound = true;
      if (type === 'XMP ' && xmpHasLocation(latin1(data))) report.locationFound = true;
    } else if (type === 'VP8X') {
      const copy = bytes.slice(at, Math.min(end, bytes.length));
      // Clear the EXIF (0x08) and XMP (0x04) presence flags.
      copy[8] = (copy[8] ?? 0) & ~0x0c;
      chunks.push(copy);
    } else chunks.push(bytes.subarray(at, Math.min(end, bytes.length)));
    at = end;
  }
  const body = concatBytes(chunks);
  const header = new Uint8Array(12);
  header.set(bytes.subarray(0, 4), 0);
  new DataView(header.buffer).setUint32(4, body.length + 4, true);
  header.set(bytes.subarray(8, 12), 8);
  return { bytes: concatBytes([header, body]), report };
}

/** Remove metadata from a JPEG, PNG or WebP image; says whether there was any, and whether it held a location. */
export function stripImageMetadata(kind: StrippableKind, bytes: Uint8Array): { bytes: Uint8Array; report: MetadataReport } {
  if (kind === 'jpeg') return stripJpeg(bytes);
  if (kind === 'png') return stripPng(bytes);
  return stripWebp(bytes);
}

export const isStrippable = (kind: string): kind is StrippableKind => kind === 'jpeg' || kind === 'png' || kind === 'webp';
