import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyMultipart from '@fastify/multipart';
import exifr from 'exifr';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { INTAKE_FIELD_LIMITS, IntakeLanguage, type IntakeField } from '../../model/intake-report.js';
import { prepareAttachment, type AttachmentCopy } from '../../intake/attachment.js';
import { SEALED_KEY_BYTES } from '../../intake/envelope.js';
import { sniffFileKind } from '../../intake/file-type.js';
import { FORM_TOKEN_LIFETIME_SECONDS } from '../../intake/form-token.js';
import { encodePublicKey } from '../../intake/key-file.js';
import { isBucket, paddedLength } from '../../intake/padding.js';
import { checkProofOfWork, DEFAULT_POW_BITS } from '../../intake/proof-of-work.js';
import type { IntakeService } from '../../services/intake.service.js';
import { CONTENT_SECURITY_POLICY } from '../security-headers.js';
import { INTAKE_MESSAGES, type IntakeMessages } from './intake-messages.js';
import { errorPage, followUpPage, formPage, INTAKE_CSS, receiptPage } from './intake-pages.js';
import { RotatingRateLimiter, SpentNonces, type RateLimit } from './rate-limiter.js';
import { IntakeInputError, readMultipart } from './read-multipart.js';

export type IntakeRateKind = 'submitPlain' | 'submitSealed' | 'receipt';

export interface IntakeLimits {
  maxFiles: number;
  maxFileBytes: number;
  /** Uploads held in memory at once; more wait for a 503 and a retry. */
  maxConcurrentUploads: number;
  rates: Record<IntakeRateKind, RateLimit>;
  rateWindowMs: number;
}

export const DEFAULT_INTAKE_LIMITS: IntakeLimits = {
  maxFiles: 5,
  maxFileBytes: 20 * 1024 * 1024,
  maxConcurrentUploads: 8,
  // Without JavaScript there is no proof of work: a lower per-client ceiling.
  rates: { submitPlain: { perClient: 6, total: 600 }, submitSealed: { perClient: 20, total: 1200 }, receipt: { perClient: 10, total: 600 } },
  rateWindowMs: 10 * 60 * 1000,
};

export interface IntakeRouteOptions {
  service: IntakeService;
  limits?: Partial<IntakeLimits>;
  /** Leading zero bits of the browser's proof of work (default 20). */
  powBits?: number;
  /** The browser bundle (default dist/intake-page/intake.js in the package). */
  bundleFile?: string;
}

const DEFAULT_BUNDLE = fileURLToPath(new URL('../../../dist/intake-page/intake.js', import.meta.url));
// The intake form's own policy: the default plus WebAssembly compilation for libsodium, nothing else.
export const INTAKE_FORM_CSP = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'");

const FORM_FIELDS: Record<string, IntakeField> = { what: 'what', when: 'when', where: 'where', who: 'who', how_known: 'howKnown', contact: 'contact' };
// Bytes a field may take: four UTF-8 bytes per character at most, CR LF line ends counted twice.
const fieldBytes = (chars: number) => chars * 4 + 4096;
const MAX_SEALED_REPORT = paddedLength(256 * 1024) + 48;

function languageOf(request: FastifyRequest): IntakeLanguage | null {
  const { lang } = request.params as { lang?: string };
  if (lang === undefined) return /^\s*ru\b/i.test(String(request.headers['accept-language'] ?? '')) ? 'ru' : 'en';
  const parsed = IntakeLanguage.safeParse(lang);
  return parsed.success ? parsed.data : null;
}

function privatePage(reply: FastifyReply, status: number, html: string, csp?: string): FastifyReply {
  reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').header('x-robots-tag', 'noindex, nofollow');
  if (csp) reply.header('content-security-policy', csp);
  return reply.send(html);
}

function problemText(messages: IntakeMessages, error: IntakeInputError, limits: IntakeLimits): string {
  const e = messages.errors;
  switch (error.problem) {
    case 'fileTooLarge':
      return e.fileTooLarge(Math.round(limits.maxFileBytes / 1024 / 1024));
    case 'tooManyFiles':
      return e.tooManyFiles(limits.maxFiles);
    case 'tooLong': {
      const field = FORM_FIELDS[error.field ?? ''];
      return field ? e.tooLong(messages.fields[field], INTAKE_FIELD_LIMITS[field]) : e.bodyTooLarge;
    }
    case 'invalidUtf8':
      return e.invalidUtf8;
    case 'bodyTooLarge':
      return e.bodyTooLarge;
    default:
      return e.malformed;
  }
}

/** Confidential intake: the public report pages, follow-up with a receipt, and the sealed upload for browsers with JavaScript. */
export async function intakeRoutes(app: FastifyInstance, options: IntakeRouteOptions): Promise<void> {
  const { service } = options;
  const limits: IntakeLimits = { ...DEFAULT_INTAKE_LIMITS, ...options.limits, rates: { ...DEFAULT_INTAKE_LIMITS.rates, ...options.limits?.rates } };
  const powBits = options.powBits ?? DEFAULT_POW_BITS;
  const rateLimiter = new RotatingRateLimiter<IntakeRateKind>(limits.rates, limits.rateWindowMs);
  const spent = new SpentNonces(FORM_TOKEN_LIFETIME_SECONDS * 1000);
  const bundlePath = options.bundleFile ?? DEFAULT_BUNDLE;
  const bundle = existsSync(bundlePath) ? readFileSync(bundlePath) : null;
  let uploads = 0;

  if (!app.hasRequestDecorator('isMultipart')) await app.register(fastifyMultipart);
  // No per-request log lines for reporters' routes: even method, path and a millisecond timestamp
  // would date each submission in a seized log more finely than the store (days) does. Errors still log.
  app.addHook('onRoute', (route) => {
    route.logLevel = 'warn';
  });

  // Errors on these routes never log a message or a body: either could carry testimony.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    const messages = INTAKE_MESSAGES[languageOf(request) ?? 'en'];
    if (status >= 500) request.log.error({ errorType: error.name, code: error.code }, 'intake request failed');
    const text = status === 413 ? messages.errors.bodyTooLarge : status === 415 ? messages.errors.malformed : status < 500 ? messages.errors.malformed : messages.errors.busy;
    return privatePage(reply, status, errorPage(messages, text, `/report/${messages.lang}`));
  });

  /** Run an upload if there is room; false when too many are held already. (A reply is thenable: never return one through here.) */
  const withUpload = async (work: () => Promise<unknown>): Promise<boolean> => {
    if (uploads >= limits.maxConcurrentUploads) return false;
    uploads++;
    try {
      await work();
      return true;
    } finally {
      uploads--;
    }
  };

  /** Check and spend a form token; false when forged, expired or used. */
  const spendToken = async (token: string | undefined): Promise<{ ok: boolean; token: string }> => {
    const check = await service.checkFormToken(token ?? '');
    if (!check.ok) return { ok: false, token: token ?? '' };
    return { ok: spent.spend(check.nonce, check.issuedAt * 1000, Date.now()), token: token ?? '' };
  };

  const showForm = async (request: FastifyRequest, reply: FastifyReply) => {
    const lang = languageOf(request);
    if (!lang) return reply.callNotFound();
    const messages = INTAKE_MESSAGES[lang];
    const publicKey = await service.publicKey();
    if (!publicKey) return privatePage(reply, 503, errorPage(messages, messages.notConfigured, `/report/${lang}`));
    const html = formPage({ messages, token: await service.issueFormToken(), publicKey: encodePublicKey(service.sodium, publicKey), powBits, maxFiles: limits.maxFiles, maxFileMb: Math.round(limits.maxFileBytes / 1024 / 1024) }, INTAKE_FIELD_LIMITS);
    return privatePage(reply, 200, html, INTAKE_FORM_CSP);
  };
  app.get('/report', showForm);
  app.get('/report/:lang', showForm);

  app.get('/report/assets/intake.css', async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send(INTAKE_CSS));
  app.get('/report/assets/intake.js', async (request, reply) => {
    if (!bundle) return reply.callNotFound();
    return reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(bundle);
  });

  // Without JavaScript: the server seals the submission in memory at arrival.
  app.post('/report/:lang', async (request, reply) => {
    const lang = languageOf(request);
    if (!lang) return reply.callNotFound();
    const messages = INTAKE_MESSAGES[lang];
    const back = `/report/${lang}`;
    const refuse = (status: number, text: string) => privatePage(reply, status, errorPage(messages, text, back));
    const publicKey = await service.publicKey();
    if (!publicKey) return refuse(503, messages.notConfigured);
    if (!rateLimiter.take('submitPlain', request.ip)) return refuse(429, messages.errors.tooManyRequests);
    const ran = await withUpload(async () => {
      let received;
      try {
        received = await readMultipart(request, {
          fieldBytes: { token: 200, keep_original: 10, ...Object.fromEntries(Object.entries(FORM_FIELDS).map(([name, field]) => [name, fieldBytes(INTAKE_FIELD_LIMITS[field])])) },
          fileFields: ['files'],
          maxFileBytes: limits.maxFileBytes,
          maxFiles: limits.maxFiles,
        });
      } catch (error) {
        if (error instanceof IntakeInputError) return refuse(error.statusCode, problemText(messages, error, limits));
        throw error;
      }
      const { fields, files } = received;
      if (!(await spendToken(fields.get('token'))).ok) return refuse(400, messages.errors.formExpired);
      const values = Object.fromEntries(Object.entries(FORM_FIELDS).map(([name, field]) => [field, (fields.get(name) ?? '').replace(/\r\n/g, '\n').trim()])) as Record<IntakeField, string>;
      if (!values.what) return refuse(400, messages.errors.whatRequired);
      for (const [field, value] of Object.entries(values) as [IntakeField, string][]) {
        if (value.length > INTAKE_FIELD_LIMITS[field]) return refuse(413, messages.errors.tooLong(messages.fields[field], INTAKE_FIELD_LIMITS[field]));
      }
      const keepOriginal = fields.get('keep_original') === '1';
      const copies: AttachmentCopy[] = [];
      const notes: string[] = [];
      for (const file of files) {
        const kind = sniffFileKind(file.bytes);
        // Formats we cannot strip: ask a metadata library whether they carry a position, to warn.
        const libraryFoundLocation = kind === 'heic' || kind === 'tiff' ? await gpsIn(file.bytes) : false;
        const prepared = prepareAttachment(file.bytes, file.name, file.declaredType, keepOriginal, libraryFoundLocation);
        if (!prepared.ok) return refuse(prepared.problem === 'corrupt' ? 400 : 415, messages.errors.fileRejected(prepared.name, prepared.detail));
        const cleaned = prepared.copies[0] as AttachmentCopy;
        // Second opinion on what we stripped: a library must find no position left.
        if (cleaned.info.variant === 'cleaned' && (await gpsIn(cleaned.bytes))) return refuse(415, messages.errors.fileRejected(cleaned.info.name, 'location data could not be removed'));
        copies.push(...prepared.copies);
        if (prepared.locationFound) notes.push(cleaned.info.variant === 'cleaned' ? messages.locationRemoved(cleaned.info.name) : messages.metadataNotRemoved(cleaned.info.name));
        if (prepared.locationFound && prepared.copies.length > 1) notes.push(messages.locationKept(cleaned.info.name));
      }
      const { receipt } = await service.submitPlain(publicKey, { version: 1, language: lang, ...values }, copies);
      return privatePage(reply, 200, receiptPage(messages, receipt, notes));
    });
    return ran ? reply : refuse(503, messages.errors.busy);
  });

  // With JavaScript: everything arrives sealed; the server checks shapes, the token and the proof of work.
  app.post('/report/:lang/sealed', async (request, reply) => {
    const lang = languageOf(request);
    if (!lang) return reply.callNotFound();
    const messages = INTAKE_MESSAGES[lang];
    const refuse = (status: number, text: string) => reply.code(status).header('cache-control', 'no-store').send({ error: text });
    const publicKey = await service.publicKey();
    if (!publicKey) return refuse(503, messages.notConfigured);
    if (!rateLimiter.take('submitSealed', request.ip)) return refuse(429, messages.errors.tooManyRequests);
    // A sealed file is the padded file plus its description, stream header and per-chunk tags.
    const maxSealedFile = paddedLength(limits.maxFileBytes + 4 + 2048) + 24 + 17 * (Math.ceil(paddedLength(limits.maxFileBytes + 2052) / 65536) + 1);
    const ran = await withUpload(async () => {
      let received;
      try {
        received = await readMultipart(request, { fieldBytes: { token: 200, pow: 20 }, fileFields: ['report', 'key', 'file'], maxFileBytes: Math.max(maxSealedFile, MAX_SEALED_REPORT), maxFiles: 1 + limits.maxFiles * 4 });
      } catch (error) {
        if (error instanceof IntakeInputError) return refuse(error.statusCode, problemText(messages, error, limits));
        throw error;
      }
      const { fields, files } = received;
      const token = fields.get('token') ?? '';
      if (!checkProofOfWork(service.sodium, token, fields.get('pow') ?? '', powBits)) return refuse(400, messages.errors.formExpired);
      if (!(await spendToken(token)).ok) return refuse(400, messages.errors.formExpired);
      const reports = files.filter((file) => file.field === 'report');
      const keys = files.filter((file) => file.field === 'key');
      const sealedFiles = files.filter((file) => file.field === 'file');
      const report = reports[0];
      if (reports.length !== 1 || !report || report.bytes.length > MAX_SEALED_REPORT || !isBucket(report.bytes.length - 48)) return refuse(400, messages.errors.malformed);
      if (keys.length !== sealedFiles.length || sealedFiles.length > limits.maxFiles * 2) return refuse(400, messages.errors.malformed);
      if (keys.some((key) => key.bytes.length !== SEALED_KEY_BYTES) || sealedFiles.some((file) => file.bytes.length > maxSealedFile)) return refuse(400, messages.errors.malformed);
      const { receipt } = await service.submitSealed(
        report.bytes,
        sealedFiles.map((file, index) => ({ sealedKey: (keys[index] as { bytes: Uint8Array }).bytes, ciphertext: file.bytes })),
      );
      return reply.code(200).header('cache-control', 'no-store').send({ receipt });
    });
    return ran ? reply : refuse(503, messages.errors.busy);
  });

  const showFollowUp = async (request: FastifyRequest, reply: FastifyReply) => {
    const lang = languageOf(request);
    if (!lang) return reply.callNotFound();
    return privatePage(reply, 200, followUpPage(INTAKE_MESSAGES[lang], { token: await service.issueFormToken(), ...(await followUpScript()) }), INTAKE_FORM_CSP);
  };
  /** The follow-up page's script model, when the organisation key is set. */
  const followUpScript = async () => {
    const publicKey = await service.publicKey();
    if (!publicKey) return {};
    const { salt, params } = await service.receiptDerivation();
    const b64 = (bytes: Uint8Array) => service.sodium.to_base64(bytes, service.sodium.base64_variants.URLSAFE_NO_PADDING);
    return { script: { publicKey: b64(publicKey), salt: b64(salt), opsLimit: params.opsLimit, memLimitBytes: params.memLimitBytes } };
  };
  app.get('/report/:lang/follow-up', showFollowUp);

  app.post('/report/:lang/follow-up', async (request, reply) => {
    const lang = languageOf(request);
    if (!lang) return reply.callNotFound();
    const messages = INTAKE_MESSAGES[lang];
    // One answer for a wrong receipt, a malformed one and too many attempts: same status, same bytes.
    const generic = () => privatePage(reply, 403, errorPage(messages, messages.followUpGeneric, `/report/${lang}/follow-up`));
    if (!rateLimiter.take('receipt', request.ip)) return generic();
    let received;
    try {
      received = await readMultipart(request, { fieldBytes: { token: 200, receipt: 200, message: fieldBytes(INTAKE_FIELD_LIMITS.what) }, fileFields: [], maxFileBytes: 0, maxFiles: 0 });
    } catch (error) {
      if (error instanceof IntakeInputError) return privatePage(reply, error.statusCode, errorPage(messages, problemText(messages, error, limits), `/report/${lang}/follow-up`));
      throw error;
    }
    const { fields } = received;
    if (!(await spendToken(fields.get('token'))).ok) return privatePage(reply, 400, errorPage(messages, messages.errors.formExpired, `/report/${lang}/follow-up`));
    const receipt = fields.get('receipt') ?? '';
    const message = (fields.get('message') ?? '').replace(/\r\n/g, '\n').trim();
    if (message.length > INTAKE_FIELD_LIMITS.what) return privatePage(reply, 413, errorPage(messages, messages.errors.tooLong(messages.addInformation, INTAKE_FIELD_LIMITS.what), `/report/${lang}/follow-up`));
    const outcome = await service.followUp(receipt, message || null);
    if (!outcome.ok) return generic();
    return privatePage(reply, 200, followUpPage(messages, { token: await service.issueFormToken(), receipt, replies: outcome.replies, sentByReporter: outcome.sentByReporter, added: Boolean(message), ...(await followUpScript()) }), INTAKE_FORM_CSP);
  });

  // With JavaScript: the browser derives the receipt's keys; only the look-up hash and sealed bytes travel.
  app.post('/report/:lang/follow-up/sealed', async (request, reply) => {
    const lang = languageOf(request);
    if (!lang) return reply.callNotFound();
    const messages = INTAKE_MESSAGES[lang];
    // Every answer carries a fresh token for the next try; it is random whatever the receipt was.
    const generic = async () => reply.code(403).header('cache-control', 'no-store').send({ error: messages.followUpGeneric, token: await service.issueFormToken() });
    const refuse = async (status: number, text: string) => reply.code(status).header('cache-control', 'no-store').send({ error: text, token: await service.issueFormToken() });
    if (!rateLimiter.take('receipt', request.ip)) return generic();
    let received;
    try {
      received = await readMultipart(request, { fieldBytes: { token: 200, lookup: 64 }, fileFields: ['message'], maxFileBytes: paddedLength(fieldBytes(INTAKE_FIELD_LIMITS.what)) + 48, maxFiles: 1 });
    } catch (error) {
      if (error instanceof IntakeInputError) return refuse(error.statusCode, problemText(messages, error, limits));
      throw error;
    }
    const { fields, files } = received;
    if (!(await spendToken(fields.get('token'))).ok) return refuse(400, messages.errors.formExpired);
    const message = files[0]?.bytes ?? null;
    if (message && !isBucket(message.length - 48)) return refuse(400, messages.errors.malformed);
    const outcome = await service.followUpSealed(fields.get('lookup') ?? '', message);
    if (!outcome.ok) return generic();
    const b64 = (bytes: Uint8Array) => service.sodium.to_base64(bytes, service.sodium.base64_variants.URLSAFE_NO_PADDING);
    return reply.code(200).header('cache-control', 'no-store').send({ replies: outcome.sealedReplies.map(b64), sentByReporter: outcome.sentByReporter, token: await service.issueFormToken() });
  });
}

async function gpsIn(bytes: Uint8Array): Promise<boolean> {
  try {
    const position = await exifr.gps(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return Boolean(position && (Number.isFinite(position.latitude) || Number.isFinite(position.longitude)));
  } catch {
    return false;
  }
}
