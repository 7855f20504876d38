import { readFileSync, statSync } from 'node:fs';
import { opendir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { mediaTypeOf, SUPPORTED_EXTENSIONS } from '../capture/file-kinds.js';
import type { MediaType } from '../model/document.js';

/** A file to capture, or a path that cannot be (with the reason, for one line of output). */
export type DiscoveredPath =
  /** `path` as the person named it (it becomes the document's origin); `location` is where to read it. */
  | { kind: 'file'; path: string; location: string; mediaType: MediaType; size: number }
  | { kind: 'error'; path: string; message: string }
  | { kind: 'ignored'; path: string };

function describeFsError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return error.message;
  }
}

/**
 * A folder may hold a `.chronicleignore`: one glob per line (# comments), matched against paths
 * relative to that folder, naming files that are notes rather than evidence (a SOURCES.md, say).
 *
 * Expand files and folders into the files to capture, as a stream: only one folder's entry names
 * are held at a time (sorted, so runs are reproducible). Folders are walked recursively in name order; hidden entries (".git") are
 * skipped, and so are symbolic links to folders, which could loop. A file named on the command
 * line with an unsupported type is an error; inside a folder it is only counted as ignored.
 */
export async function* discoverFiles(paths: readonly string[], baseDir = process.cwd()): AsyncGenerator<DiscoveredPath> {
  for (const path of paths) {
    let info;
    try {
      info = statSync(resolve(baseDir, path));
    } catch (error) {
      yield { kind: 'error', path, message: describeFsError(error as NodeJS.ErrnoException) };
      continue;
    }
    if (info.isDirectory()) {
      yield* walkFolder(path, resolve(baseDir, path), []);
    } else if (info.isFile()) {
      const mediaType = mediaTypeOf(path);
      if (mediaType) yield { kind: 'file', path, location: resolve(baseDir, path), mediaType, size: info.size };
      else yield { kind: 'error', path, message: `unsupported file type (Chronicle reads ${SUPPORTED_EXTENSIONS.join(' ')})` };
    } else {
      yield { kind: 'error', path, message: 'not a regular file or folder' };
    }
  }
}

/** An ignore file's globs, bound to the folder it sits in. */
interface IgnoreRules {
  root: string;
  matches: (path: string) => boolean;
}

function readIgnoreFile(location: string): IgnoreRules | null {
  let content: string;
  try {
    content = readFileSync(join(location, IGNORE_FILE), 'utf8');
  } catch {
    return null;
  }
  const globs = content
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  return globs.length > 0 ? { root: location, matches: picomatch(globs, { dot: true, basename: false }) } : null;
}

const IGNORE_FILE = '.chronicleignore';

async function* walkFolder(folder: string, location: string, inherited: IgnoreRules[]): AsyncGenerator<DiscoveredPath> {
  const own = readIgnoreFile(location);
  const rules = own ? [...inherited, own] : inherited;
  let entries;
  try {
    const handle = await opendir(location);
    entries = [];
    for await (const entry of handle) entries.push({ name: entry.name, isDirectory: entry.isDirectory(), isFile: entry.isFile(), isLink: entry.isSymbolicLink() });
  } catch (error) {
    yield { kind: 'error', path: folder, message: describeFsError(error as NodeJS.ErrnoException) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    const entryLocation = join(location, entry.name);
    if (rules.some((rule) => rule.matches(relative(rule.root, entryLocation)))) {
      yield { kind: 'ignored', path };
      continue;
    }
    if (entry.isDirectory) {
      yield* walkFolder(path, entryLocation, rules);
      continue;
    }
    const mediaType = mediaTypeOf(path);
    if (!mediaType || !(entry.isFile || entry.isLink)) {
      yield { kind: 'ignored', path };
      continue;
    }
    try {
      // Synchronous on purpose: one stat is microseconds, while an awaited one costs a thread-pool round
      // trip, and a folder of 100,000 files would spend most of its time waiting on those.
      const info = statSync(entryLocation);
      if (info.isFile()) yield { kind: 'file', path, location: entryLocation, mediaType, size: info.size };
      else yield { kind: 'ignored', path };
    } catch (error) {
      yield { kind: 'error', path, message: describeFsError(error as NodeJS.ErrnoException) };
    }
  }
}
