import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { IntakeService } from '../../src/services/intake.service.js';
import { Store } from '../../src/store/store.js';
import { chronicle, scratchFolder } from '../cli-harness.js';
import { FAST_KDF } from './intake-helpers.js';

describe('chronicle keys and chronicle intake', () => {
  it('creates the key pair, then lists, opens, replies to, keeps and imports a submission', async () => {
    const folder = scratchFolder();
    const env = { CHRONICLE_INTAKE_PASSPHRASE: 'a long organisation passphrase', CHRONICLE_DB: join(folder, 'store.db') };
    const init = await chronicle(['keys', 'init', '--key-file', 'org.key', '--json'], { cwd: folder, env });
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    const { publicKey } = JSON.parse(init.stdout) as { publicKey: string };
    expect(statSync(join(folder, 'org.key')).mode & 0o777).toBe(0o600);
    const keyFileText = readFileSync(join(folder, 'org.key'), 'utf8');
    expect(keyFileText).toContain('argon2id13');
    expect((await chronicle(['keys', 'show'], { cwd: folder, env })).stdout.trim()).toBe(publicKey);
    const again = await chronicle(['keys', 'init', '--key-file', 'org.key'], { cwd: folder, env });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('exists');
    expect((await chronicle(['keys', 'init', '--key-file', 'other.key'], { cwd: folder, env: { ...env, CHRONICLE_INTAKE_PASSPHRASE: 'short' } })).stderr).toContain('at least 12');

    // A reporter submits (through the service, as the server would).
    const store = await Store.open(join(folder, 'store.db'));
    const service = await IntakeService.create(store, { receiptKdf: FAST_KDF });
    const orgKey = await service.publicKey();
    if (!orgKey) throw new Error('no key installed');
    const what = 'On 14 March 2024 police detained Ruslan Aliev in Grozny. Officers beat him at the station, his brother said.';
    await service.submitPlain(orgKey, { version: 1, language: 'en', what, when: '14 March 2024', where: 'Grozny', who: 'Ruslan Aliev', howKnown: 'I am his brother', contact: 'canary-contact@example.org' }, [
      { info: { name: 'statement.txt', mediaType: 'text/plain', size: 12, variant: 'as_sent', locationFound: false, metadataRemoved: false }, bytes: new TextEncoder().encode('statement ok') },
    ]);
    await store.close();

    const list = await chronicle(['intake', 'list', '--json'], { cwd: folder, env });
    const [submission] = (JSON.parse(list.stdout) as { submissions: { id: string; attachments: number; kept: boolean }[] }).submissions;
    expect(submission).toMatchObject({ attachments: 1, kept: false });
    const id = submission?.id ?? '';

    const wrong = await chronicle(['intake', 'open', id, '--key-file', 'org.key'], { cwd: folder, env: { ...env, CHRONICLE_INTAKE_PASSPHRASE: 'not the passphrase at all' } });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('wrong passphrase');
    expect(wrong.stdout).toBe('');
    const noPassphrase = await chronicle(['intake', 'open', id, '--key-file', 'org.key'], { cwd: folder, env: { CHRONICLE_DB: env.CHRONICLE_DB } });
    expect(noPassphrase.code).toBe(1);

    const opened = await chronicle(['intake', 'open', id, '--key-file', 'org.key'], { cwd: folder, env });
    expect(opened.stdout).toContain(what);
    expect(opened.stdout).toContain('canary-contact@example.org');
    expect(opened.stdout).toContain('statement.txt');

    writeFileSync(join(folder, 'reply.txt'), 'Thank you. Can you tell us which station?');
    expect((await chronicle(['intake', 'reply', id, '--file', 'reply.txt'], { cwd: folder, env })).code).toBe(0);
    expect((await chronicle(['intake', 'open', id, '--key-file', 'org.key'], { cwd: folder, env })).stdout).toContain('analyst replied:\n  Thank you. Can you tell us which station?');
    expect((await chronicle(['intake', 'keep', id], { cwd: folder, env })).code).toBe(0);
    expect((await chronicle(['intake', 'open', 'itk_00000000000000000000', '--key-file', 'org.key'], { cwd: folder, env })).stderr).toContain('no submission');

    const imported = await chronicle(['intake', 'import', id, '--key-file', 'org.key', '--into', 'analyst.db', '--json'], { cwd: folder, env });
    expect(imported.stderr).toBe('');
    const [result, attachment] = (JSON.parse(imported.stdout) as { results: { status: string; documentId: string; claims: number; origin: string }[] }).results;
    if (!result || !attachment) throw new Error('import gave fewer than two results');
    expect(result.status).toBe('captured');
    expect(attachment).toMatchObject({ status: 'captured', origin: `intake:${id}/1` });
    expect(result.claims).toBeGreaterThan(0);
    const analyst = await Store.open(join(folder, 'analyst.db'));
    try {
      const document = await analyst.documents.get(result.documentId);
      expect(document?.text).toContain('Ruslan Aliev');
      expect(document?.text).not.toContain('canary-contact');
      expect(document?.origin).toBe(`intake:${id}`);
      const source = await analyst.sources.get(document?.sourceId ?? '');
      expect(source).toMatchObject({ kind: 'witness', confidential: true });
      expect(source?.name).toMatch(/^Confidential witness [0-9A-F]{8}$/);
      expect((await analyst.documents.get(attachment.documentId))?.sourceId).toBe(document?.sourceId);
    } finally {
      await analyst.close();
    }
    const listed = JSON.parse((await chronicle(['intake', 'list', '--json'], { cwd: folder, env })).stdout) as { submissions: { importedDocumentId: string; kept: boolean }[] };
    expect(listed.submissions[0]).toMatchObject({ importedDocumentId: result.documentId, kept: true });
  });
});
