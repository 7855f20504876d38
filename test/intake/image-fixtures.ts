import { concatBytes } from '../../src/intake/sodium.js';

/** A TIFF block (little-endian) whose IFD0 points to a GPS IFD with a latitude entry. */
export function tiffWithGps(): Uint8Array {
  const tiff = new Uint8Array(64);
  const view = new DataView(tiff.buffer);
  tiff.set([0x49, 0x49, 42, 0], 0);
  view.setUint32(4, 8, true);
  view.setUint16(8, 1, true); // one entry
  view.setUint16(10, 0x8825, true);
  view.setUint16(12, 4, true);
  view.setUint32(14, 1, true);
  view.setUint32(18, 26, true); // GPS IFD at 26
  view.setUint16(26, 1, true);
  view.setUint16(28, 2, true); // GPSLatitude
  view.setUint16(30, 5, true);
  view.setUint32(32, 3, true);
  view.setUint32(36, 0, true);
  return tiff;
}

/** A minimal JPEG: SOI, APP0 JFIF, APP1 EXIF with GPS, COM, SOS with scan data, EOI, then a trailer. */
export function jpegWithGps(marker = 'pixels'): Uint8Array {
  const segment = (code: number, body: Uint8Array) => concatBytes([new Uint8Array([0xff, code, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  const text = (value: string) => new TextEncoder().encode(value);
  return concatBytes([
    new Uint8Array([0xff, 0xd8]),
    segment(0xe0, text('JFIF\0\x01\x01\0\0\x01\0\x01\0\0')),
    segment(0xe1, concatBytes([text('Exif\0\0'), tiffWithGps()])),
    segment(0xfe, text('camera owner: canary-owner')),
    segment(0xda, new Uint8Array([1, 1, 0, 0, 0x3f, 0])),
    text(marker),
    new Uint8Array([0xff, 0x00, 0x12, 0xff, 0xd9]),
    text('trailing-preview'),
  ]);
}
