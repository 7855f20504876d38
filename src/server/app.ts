import type { Writable } from 'node:stream';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../store/store.js';
import { addAccessControl } from './auth/access-control.js';
import { LoginThrottle } from './auth/login-throttle.js';
import { registerApiRoutes } from './routes/index.js';
import { intakeRoutes, type IntakeRouteOptions } from './intake/intake.routes.js';
import { addSecurityHeaders } from './security-headers.js';
import { serveWebApp } from './web-app.js';

export interface ServerOptions {
  store: Store;
  /** Where log lines go (default: stderr). Tests pass a stream to read what was logged. */
  logStream?: Writable;
  /** pino level; 'silent' logs nothing. */
  logLevel?: string;
  /** Largest request body in bytes for JSON routes (default 1 MiB). */
  bodyLimit?: number;
  /** The built SPA's folder (default dist/web; null serves the API only). */
  webRoot?: string | null;
  /** Mark cookies Secure even on plain http (the server sits behind a TLS proxy). */
  secureCookies?: boolean;
  /** Login throttling (tests pass their own). */
  loginThrottle?: LoginThrottle;
  /** Confidential intake pages under /report (absent: not served). */
  intake?: IntakeRouteOptions;
}

export type ChronicleServer = FastifyInstance;

/**
 * What a log line may say about a request: its method and path, never its query string, address,
 * port, host or headers. Reporters' addresses and browsers are nobody's business, not even ours.
 */
const requestForLog = (request: { method: string; url: string }) => ({ method: request.method, path: request.url.split('?')[0] });

/** The Fastify app: security headers, errors a person can read, OpenAPI at /api/docs. Routes register on it. */
export async function buildServer(options: ServerOptions): Promise<ChronicleServer> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      // No machine name or process id in every line: the log may travel.
      base: null,
      ...(options.logStream ? { stream: options.logStream } : {}),
      serializers: {
        req: requestForLog,
        res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      },
    },
    trustProxy: false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // Never echo a request id header from outside; ids are ours.
    requestIdHeader: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  addSecurityHeaders(app);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const problems = error.validation.map((issue) => `${issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(body)'}: ${issue.message}`);
      return reply.code(400).send({ error: `invalid ${error.validationContext ?? 'request'}: ${problems.join('; ')}` });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return reply.code(status).send({ error: error.message });
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: 'internal error; the server log has the details' });
  });
  await app.register(fastifyCookie);
  addAccessControl(app, options.store);
  const web = await serveWebApp(app, options.webRoot);
  app.setNotFoundHandler((request, reply) =>
    web?.isPage(request) ? web.sendIndex(reply) : reply.code(404).send({ error: `no such route: ${request.method} ${request.url.split('?')[0]}` }),
  );

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Chronicle API', description: 'Documents, claims, incidents, entities and persons of a Chronicle store.', version: '0.1.0' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: false });

  registerApiRoutes(app, { store: options.store, throttle: options.loginThrottle ?? new LoginThrottle(), ...(options.secureCookies !== undefined ? { secureCookies: options.secureCookies } : {}) });

  app.get('/api/health', { config: { access: 'public' }, schema: { response: { 200: z.object({ ok: z.literal(true), engine: z.string(), documents: z.number().int() }) } } }, async () => ({
    ok: true as const,
    engine: options.store.engine,
    documents: await options.store.documents.count(),
  }));

  if (options.intake) await app.register(intakeRoutes, options.intake);

  return app;
}
