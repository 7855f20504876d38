import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { Store } from '../store/store.js';
import { buildServer, type ChronicleServer } from './app.js';

describe('server foundation', () => {
  let folder: string;
  let store: Store;
  let app: ChronicleServer;
  let logged = '';

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'chronicle-server-'));
    store = await Store.open(join(folder, 'store.db'));
    const logStream = new PassThrough();
    logStream.on('data', (chunk: Buffer) => (logged += chunk.toString('utf8')));
    app = await buildServer({ store, logStream, logLevel: 'info' });
    app.post('/api/test-echo', { config: { access: 'public' } }, async (request) => ({ got: request.body }));
    await app.ready();
  });
  after(async () => {
    await app.close();
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers health with the engine and document count', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, engine: 'sqlite', documents: 0 });
  });

  it('sends a strict CSP and the other security headers on every response, 404s included', async () => {
    for (const url of ['/api/health', '/no/such/page']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('answers an unknown route with a 404 a person can read', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nothing?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: 'no such route: GET /api/nothing' });
  });

  it('answers malformed JSON and oversized bodies with 4xx, never 500', async () => {
    const malformed = await app.inject({ method: 'POST', url: '/api/test-echo', headers: { 'content-type': 'application/json' }, payload: '{"a": ' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatch(/JSON/i);
    const huge = await app.inject({ method: 'POST', url: '/api/test-echo', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ a: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(huge.statusCode).toBe(413);
    const wrongType = await app.inject({ method: 'POST', url: '/api/test-echo', headers: { 'content-type': 'application/x-whatever' }, payload: 'hello' });
    expect(wrongType.statusCode).toBe(415);
  });

  it('serves the OpenAPI description', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    expect(response.json().paths['/api/health']).toBeDefined();
  });

  it('never logs the client address, user agent, referrer or query string', async () => {
    await app.inject({
      method: 'GET',
      url: '/api/health?secret=canary-query',
      remoteAddress: '203.0.113.77',
      headers: { 'user-agent': 'CanaryBrowser/1.0', referer: 'https://canary.example/', 'x-forwarded-for': '198.51.100.9' },
    });
    expect(logged).toContain('/api/health');
    for (const canary of ['203.0.113.77', '198.51.100.9', 'CanaryBrowser', 'canary.example', 'canary-query', 'remoteAddress', 'hostname']) expect(logged).not.toContain(canary);
  });
});
