import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where `vite build` puts the workspace SPA (same place from src/server and dist/server). */
export const DEFAULT_WEB_ROOT = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'dist', 'web');

/** The SPA being served: answers client-side routes with its index.html. */
export interface WebApp {
  /** Whether a request that matched no route is a page of the SPA (GET, outside /api, no file extension). */
  isPage(request: FastifyRequest): boolean;
  sendIndex(reply: FastifyReply): FastifyReply;
}

/** Vite names built assets by content hash: they never change, so browsers may keep them. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serve the built SPA from `root` when it has an index.html; null when there is none (API only).
 * Files are listed once at start-up (no wildcard route), so unknown /api paths still get a JSON 404.
 */
export async function serveWebApp(app: FastifyInstance, root: string | null | undefined): Promise<WebApp | null> {
  const folder = root === undefined ? DEFAULT_WEB_ROOT : root;
  if (folder === null || !existsSync(join(folder, 'index.html'))) return null;
  await app.register(fastifyStatic, {
    root: folder,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    cacheControl: false,
    dotfiles: 'deny',
    setHeaders: (reply, path) => {
      reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? IMMUTABLE : 'no-cache');
    },
  });
  return {
    isPage: (request) => {
      const path = request.url.split('?')[0] ?? '/';
      // The API and the public intake pages (/report…) own their namespaces: their unknown paths are 404s.
      const ownedElsewhere = /^\/(api|report)(\/|$)/.test(path);
      return (request.method === 'GET' || request.method === 'HEAD') && !ownedElsewhere && !/\.[A-Za-z0-9]+$/.test(path);
    },
    sendIndex: (reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'),
  };
}
