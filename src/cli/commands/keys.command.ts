import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createKeyFile, decodePublicKey, KeyFile, unlockKeyFile, WrongPassphrase } from '../../intake/key-file.js';
import type { OrgKeyPair } from '../../intake/envelope.js';
import { loadSodium } from '../../intake/sodium.js';
import { IntakeService } from '../../services/intake.service.js';
import { CliError, printJson, type CliIo } from '../cli-io.js';
import { withStore } from '../open-store.js';
import { readPassphrase } from '../passphrase.js';

export interface KeysCommandOptions {
  db?: string;
  keyFile?: string;
  passphraseStdin?: boolean;
  force?: boolean;
  json?: boolean;
}

export const DEFAULT_KEY_FILE = 'chronicle-intake.key';

const keyFilePath = (io: CliIo, option: string | undefined) => resolve(io.cwd, option ?? io.env.CHRONICLE_INTAKE_KEY ?? DEFAULT_KEY_FILE);

/** Read and unlock the organisation key file (for intake open and import). */
export async function unlockOrgKey(io: CliIo, options: { keyFile?: string; passphraseStdin?: boolean }): Promise<OrgKeyPair> {
  const path = keyFilePath(io, options.keyFile);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliError(`cannot read the key file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message} (give it with --key-file)`);
  }
  if (!KeyFile.safeParse(json).success) throw new CliError(`${path} is not a Chronicle intake key file`);
  const passphrase = await readPassphrase(io, { stdin: options.passphraseStdin ?? false });
  try {
    return unlockKeyFile(await loadSodium(), json, passphrase);
  } catch (error) {
    if (error instanceof WrongPassphrase) throw new CliError(`${error.message}; nothing was decrypted`);
    throw error;
  }
}

/**
 * `chronicle keys init`: a new organisation key pair. The private key goes to the key file under a
 * passphrase (Argon2id + secretbox), readable by its owner only; the public key goes into the store,
 * where the server reads it. Refuses to overwrite a key file: that would orphan every submission.
 */
export async function keysInitCommand(io: CliIo, options: KeysCommandOptions): Promise<number> {
  const path = keyFilePath(io, options.keyFile);
  if (existsSync(path) && !options.force) throw new CliError(`${path} exists; submissions sealed to it would become unreadable if it were replaced (use --force only if you mean it)`);
  const passphrase = await readPassphrase(io, { stdin: options.passphraseStdin ?? false, confirm: true });
  const sodium = await loadSodium();
  let created;
  try {
    created = createKeyFile(sodium, passphrase);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  writeFileSync(path, `${JSON.stringify(created.keyFile, null, 2)}\n`, { mode: 0o600, flag: options.force ? 'w' : 'wx' });
  sodium.memzero(created.keyPair.privateKey);
  await withStore(io, options.db, async (store) => (await IntakeService.create(store)).setPublicKey(created.keyPair.publicKey));
  if (options.json) printJson(io, { keyFile: path, publicKey: created.keyFile.publicKey });
  else io.stdout(`wrote the private key, locked by your passphrase, to ${path}\nthe store now seals intake to public key ${created.keyFile.publicKey}\nkeep the key file off the server; without it and the passphrase no submission can be read\n`);
  return 0;
}

/** `chronicle keys install`: give a (server's) store the organisation's public key, from a key file or as text. */
export async function keysInstallCommand(io: CliIo, publicKeyText: string | undefined, options: KeysCommandOptions): Promise<number> {
  const sodium = await loadSodium();
  let text = publicKeyText;
  if (!text) {
    const path = keyFilePath(io, options.keyFile);
    const parsed = KeyFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) throw new CliError(`${path} is not a Chronicle intake key file`);
    text = parsed.data.publicKey;
  }
  let publicKey: Uint8Array;
  try {
    publicKey = decodePublicKey(sodium, text);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  await withStore(io, options.db, async (store) => (await IntakeService.create(store)).setPublicKey(publicKey));
  io.stdout(`the store now seals intake to public key ${text}\n`);
  return 0;
}

/** `chronicle keys show`: the public key the store seals to. */
export async function keysShowCommand(io: CliIo, options: KeysCommandOptions): Promise<number> {
  return withStore(io, options.db, async (store) => {
    const service = await IntakeService.create(store);
    const publicKey = await service.publicKey();
    if (!publicKey) throw new CliError('this store has no intake key yet (chronicle keys init)');
    const text = service.sodium.to_base64(publicKey, service.sodium.base64_variants.URLSAFE_NO_PADDING);
    if (options.json) printJson(io, { publicKey: text });
    else io.stdout(`${text}\n`);
    return 0;
  });
}
