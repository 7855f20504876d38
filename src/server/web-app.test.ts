import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { Store } from '../store/store.js';
import { buildServer, type ChronicleServer } from './app.js';

describe('serving the built SPA', () => {
  let folder: string;
  let store: Store;
  let app: ChronicleServer;
  const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-3f9a1c.js"></script></head><body><div id="root"></div></body></html>';

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'chronicle-web-'));
    mkdirSync(join(folder, 'web', 'assets'), { recursive: true });
    writeFileSync(join(folder, 'web', 'index.html'), INDEX);
    writeFileSync(join(folder, 'web', 'assets', 'index-3f9a1c.js'), 'console.log("workspace")');
    writeFileSync(join(folder, 'web', 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    store = await Store.open(join(folder, 'store.db'));
    app = await buildServer({ store, logLevel: 'silent', webRoot: join(folder, 'web') });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('serves index.html at / and for client-side routes, never cached', async () => {
    for (const url of ['/', '/documents/doc_01JZZZZZZZZZZZZZZZZZZZZZZZ', '/review?order=most-cited']) {
      const response = await app.inject({ method: 'GET', url });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 200 });
      expect(response.body).toBe(INDEX);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
    }
  });

  it('lets browsers keep hashed assets for a year', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/index-3f9a1c.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await app.inject({ method: 'GET', url: '/favicon.svg' })).headers['cache-control']).toBe('no-cache');
  });

  it('keeps JSON 404s for unknown API paths and missing files', async () => {
    const api = await app.inject({ method: 'GET', url: '/api/nothing' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error).toBe('no such route: GET /api/nothing');
    expect((await app.inject({ method: 'GET', url: '/assets/missing-123.js' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/documents' })).statusCode).toBe(404);
    // The public intake pages own /report: an unknown page there is not the workspace.
    for (const url of ['/report/de', '/report/anything/else']) expect((await app.inject({ method: 'GET', url })).body).not.toBe(INDEX);
  });

  it('serves the API only when there is no built SPA', async () => {
    const bare = await buildServer({ store, logLevel: 'silent', webRoot: join(folder, 'nowhere') });
    try {
      expect((await bare.inject({ method: 'GET', url: '/' })).statusCode).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
