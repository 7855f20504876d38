import { describe, it } from 'node:test';
import { expect } from 'expect';
import { CaptureRejection, declaredHtmlCharset, decodeText } from './decode.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeText', () => {
  it('decodes UTF-8 and drops nothing', () => {
    expect(decodeText(utf8('Грозный, Chechnya — 2017'))).toEqual({ text: 'Грозный, Chechnya — 2017', encoding: 'utf-8', warnings: [] });
  });

  it('rejects empty input', () => {
    expect(() => decodeText(new Uint8Array())).toThrow(new CaptureRejection('empty file'));
  });

  it('names known binary formats and points at binary bytes otherwise', () => {
    expect(() => decodeText(utf8('%PDF-1.7\n...'))).toThrow('a PDF document, not a text file');
    expect(() => decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toThrow('a PNG image');
    expect(() => decodeText(new Uint8Array([0x41, 0x42, 0x00, 0x43]))).toThrow('binary bytes at offset 2');
    // Only the first 8 KB are sniffed, from a view into a larger buffer too.
    const late = new Uint8Array(10000).fill(0x41);
    late[9000] = 0;
    expect(() => decodeText(late.subarray(0, 9500))).not.toThrow();
    late[8191] = 0;
    expect(() => decodeText(late.subarray(0, 9500))).toThrow('binary bytes at offset 8191');
    expect(() => decodeText(late.subarray(1, 9500))).toThrow('binary bytes at offset 8190');
  });

  it('decodes valid UTF-8 after a file that was not', () => {
    const invalid = new Uint8Array([...new Uint8Array(300).fill(0x41), 0xe2, 0x82]);
    expect(decodeText(invalid).warnings[0]).toMatch(/^invalid UTF-8/);
    expect(decodeText(utf8('Назрань'))).toEqual({ text: 'Назрань', encoding: 'utf-8', warnings: [] });
  });

  it('detects a legacy Cyrillic encoding and says so', () => {
    const sentence = 'Сотрудники полиции задержали правозащитника Оюба Титиева в Курчалоевском районе Чечни. ';
    const cp1251 = Buffer.from(new TextDecoder().decode(utf8(sentence.repeat(5))).split('').map((char) => {
      const code = char.charCodeAt(0);
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (code === 0x401) return 0xa8;
      if (code === 0x451) return 0xb8;
      return code;
    }));
    const decoded = decodeText(cp1251);
    expect(decoded.encoding).toBe('windows-1251');
    expect(decoded.text.startsWith('Сотрудники полиции')).toBe(true);
    expect(decoded.warnings).toEqual(['not UTF-8; decoded as windows-1251']);
  });

  it('salvages text with a few invalid bytes, with a warning that says where', () => {
    const bytes = Buffer.concat([utf8('A long enough English sentence about detentions. '.repeat(10)), Buffer.from([0xff]), utf8(' More text.')]);
    const decoded = decodeText(bytes);
    expect(decoded.text).toContain('\uFFFD');
    expect(decoded.warnings[0]).toMatch(/invalid UTF-8: 1 undecodable sequence\(s\) replaced with U\+FFFD, first at character 490/);
  });

  it('rejects text that is mostly invalid', () => {
    const bytes = Buffer.from(Array.from({ length: 400 }, (_, index) => (index % 2 ? 0xc3 : 0x28)));
    expect(() => decodeText(bytes)).toThrow(/not valid UTF-8 text/);
  });

  it('reads a declared charset from the first bytes of a page', () => {
    expect(declaredHtmlCharset(utf8('<html><head><meta charset="windows-1251">'))).toBe('windows-1251');
    expect(declaredHtmlCharset(utf8('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'))).toBe('koi8-r');
    expect(declaredHtmlCharset(utf8('<html><body>no charset</body></html>'))).toBeNull();
  });
});
