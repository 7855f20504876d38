import { readFileSync, statSync } from 'node:fs';
import chardet from 'chardet';
import { parsePersonCsv, PersonListError, type ColumnOptions } from '../resolve/linkage/columns.js';
import { linkRecords, type LinkResult } from '../resolve/linkage/link.js';
import type { PersonRecord } from '../resolve/linkage/record.js';

/** Why a person list could not be linked; the message names the file and is shown as is. */
export class LinkInputError extends Error {
  override readonly name = 'LinkInputError';
}

const CYRILLIC_SINGLE_BYTE = ['windows-1251', 'koi8-r', 'iso-8859-5', 'ibm866'];

/**
 * Bytes of a list to text: UTF-8 (BOM or not) as is; otherwise a single-byte Cyrillic encoding that
 * chardet proposes, else CP1251 when most bytes above 0x7F fall in its letter range (short lists
 * give chardet too little to go on). Returns the encoding used.
 */
export function decodeList(bytes: Uint8Array): { text: string; encoding: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8
  }
  for (const guess of chardet.analyse(bytes.subarray(0, 65536))) {
    const name = guess.name.toLowerCase();
    if (CYRILLIC_SINGLE_BYTE.includes(name)) return { text: new TextDecoder(name).decode(bytes), encoding: name };
  }
  let high = 0;
  let letters = 0;
  for (const byte of bytes) {
    if (byte < 0x80) continue;
    high++;
    if (byte >= 0xc0 || byte === 0xa8 || byte === 0xb8) letters++;
  }
  if (high > 0 && letters / high > 0.8) return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' };
  throw new LinkInputError('not UTF-8 text and no Cyrillic encoding fits');
}

export interface PersonList {
  /** The name the list goes by in output (the path as given). */
  name: string;
  records: PersonRecord[];
  encoding: string;
}

/** Read, decode and map one CSV list. Throws LinkInputError with a one-line reason naming the file. */
export function readPersonList(path: string, name: string, options: ColumnOptions = {}): PersonList {
  let bytes: Buffer;
  try {
    if (!statSync(path).isFile()) throw new LinkInputError(`${name}: not a file`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof LinkInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new LinkInputError(`${name}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message}`);
  }
  if (bytes.length === 0 || bytes.toString('utf8').trim() === '') throw new LinkInputError(`${name}: empty file`);
  try {
    const { text, encoding } = decodeList(bytes);
    return { name, records: parsePersonCsv(text, name, options), encoding };
  } catch (error) {
    if (error instanceof PersonListError || error instanceof LinkInputError) throw new LinkInputError(`${name}: ${error.message}`);
    throw error;
  }
}

export interface LinkedRecord {
  file: string;
  recordId: string;
  /** Person number, from 1, in order of first record. */
  cluster: number;
}

/** Link the records of every list together (all files are read and checked before any linking). */
export function linkLists(lists: readonly PersonList[]): { rows: LinkedRecord[]; result: LinkResult } {
  const records = lists.flatMap((list) => list.records);
  const result = linkRecords(records);
  const rows = records.map((record, index) => ({ file: record.source, recordId: record.id, cluster: result.cluster[index]! + 1 }));
  return { rows, result };
}
