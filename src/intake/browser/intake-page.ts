/// <reference lib="dom" />
// The intake page's script, bundled into dist/intake-page/intake.js (npm run bundle:intake). It
// runs only when JavaScript is on; the form works without it. With it, the reporter's browser
// strips image metadata, seals the report and files to the organisation's public key, solves the
// proof of work, and uploads ciphertext only. If anything here fails to load (WebAssembly off,
// as in Tor Browser's "Safer" level), the form falls back to its plain submission.
import type { IntakeAttachmentInfo, IntakeReport } from '../../model/intake-report.js';
import { prepareAttachment, type AttachmentCopy } from '../attachment.js';
import { sealAttachment, sealMessage, sealReport } from '../envelope.js';
import { unpad } from '../padding.js';
import { deriveReceiptKeys } from '../receipt.js';
import { solveProofOfWork } from '../proof-of-work.js';
import { fromUtf8, loadSodium, type Sodium } from '../sodium.js';

const FIELDS = { what: 'what', when: 'when', where: 'where', who: 'who', howKnown: 'how_known', contact: 'contact' } as const;

function text(form: HTMLFormElement, name: string): string {
  const element = form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null;
  return (element?.value ?? '').replace(/\r\n/g, '\n').trim();
}

function listNotes(list: HTMLElement | null, notes: readonly string[]): void {
  if (!list) return;
  list.replaceChildren(...notes.map((note) => Object.assign(document.createElement('li'), { textContent: note })));
}

async function readFiles(input: HTMLInputElement | null): Promise<{ file: File; bytes: Uint8Array }[]> {
  return Promise.all(Array.from(input?.files ?? []).map(async (file) => ({ file, bytes: new Uint8Array(await file.arrayBuffer()) })));
}

async function start(form: HTMLFormElement, sodium: Sodium): Promise<void> {
  const data = form.dataset;
  const publicKey = sodium.from_base64(data.publicKey ?? '', sodium.base64_variants.URLSAFE_NO_PADDING);
  const powBits = Number(data.powBits ?? '20');
  const maxFiles = Number(data.maxFiles ?? '5');
  const maxFileBytes = Number(data.maxFileBytes ?? '0');
  const status = document.getElementById('intake-status');
  const fileInput = form.querySelector<HTMLInputElement>('input[type=file]');
  const fileNotes = document.getElementById('file-notes');
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
  const say = (message: string) => {
    if (status) status.textContent = message;
  };

  // Warn about location data as soon as files are chosen.
  fileInput?.addEventListener('change', async () => {
    say(data.msgChecking ?? '');
    const notes: string[] = [];
    for (const { file, bytes } of await readFiles(fileInput)) {
      const prepared = prepareAttachment(bytes, file.name, file.type, false);
      if (!prepared.ok) notes.push(`${prepared.name}: ${prepared.detail}`);
      else if (prepared.locationFound) notes.push(`${file.name}: ${data.msgLocation ?? ''}`);
    }
    listNotes(fileNotes, notes);
    say('');
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (button) button.disabled = true;
    try {
      say(data.msgWorking ?? '');
      const keepOriginal = (form.elements.namedItem('keep_original') as HTMLInputElement | null)?.checked ?? false;
      const chosen = await readFiles(fileInput);
      if (chosen.length > maxFiles || chosen.some(({ bytes }) => bytes.length > maxFileBytes)) throw new Error(`${chosen.length > maxFiles ? `> ${maxFiles}` : `> ${Math.round(maxFileBytes / 1048576)} MB`}`);
      const copies: AttachmentCopy[] = [];
      const notes: string[] = [];
      for (const { file, bytes } of chosen) {
        const prepared = prepareAttachment(bytes, file.name, file.type, keepOriginal);
        if (!prepared.ok) throw new Error(`${prepared.name}: ${prepared.detail}`);
        copies.push(...prepared.copies);
        if (prepared.locationFound) notes.push(`${file.name}: ${data.msgLocation ?? ''}`);
      }
      const values = Object.fromEntries(Object.entries(FIELDS).map(([key, name]) => [key, text(form, name)])) as Record<keyof typeof FIELDS, string>;
      const report: IntakeReport = { version: 1, language: data.lang === 'ru' ? 'ru' : 'en', ...values, sealedBy: 'browser', attachments: copies.map((copy): IntakeAttachmentInfo => copy.info) };
      const sealedReport = sealReport(sodium, publicKey, report);
      const sealedFiles = copies.map((copy) => sealAttachment(sodium, publicKey, copy.info, copy.bytes));
      say(data.msgSolving ?? '');
      const token = text(form, 'token');
      const pow = await solveProofOfWork(sodium, token, powBits, () => new Promise((resolve) => setTimeout(resolve, 0)));
      say(data.msgSending ?? '');
      const body = new FormData();
      body.append('token', token);
      body.append('pow', pow);
      body.append('report', new Blob([sealedReport as BlobPart]), 'report');
      for (const sealed of sealedFiles) {
        body.append('key', new Blob([sealed.sealedKey as BlobPart]), 'key');
        body.append('file', new Blob([sealed.ciphertext as BlobPart]), 'file');
      }
      const response = await fetch(data.sealedAction ?? '', { method: 'POST', body, credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' });
      const answer = (await response.json()) as { receipt?: string; error?: string };
      if (!response.ok || !answer.receipt) throw new Error(answer.error ?? String(response.status));
      form.reset();
      form.hidden = true;
      const box = document.getElementById('receipt-box');
      const code = document.getElementById('receipt-code');
      if (code) code.textContent = answer.receipt;
      listNotes(document.getElementById('receipt-notes'), notes);
      if (box) {
        box.hidden = false;
        box.scrollIntoView();
      }
    } catch (error) {
      say(`${data.msgFailed ?? 'Failed'}: ${(error as Error).message}`);
      if (button) button.disabled = false;
    }
  });
  // Tells a watching test (and a curious reporter's dev tools) that sealing in the browser is armed.
  form.dataset.ready = '1';
}

/**
 * Follow-up with a receipt, in the browser: derive the receipt's keys here (Argon2id), send only the
 * look-up hash and, if any, a message sealed to the organisation; open the replies here.
 */
function startFollowUp(form: HTMLFormElement, sodium: Sodium): void {
  const data = form.dataset;
  const b64 = (text: string) => sodium.from_base64(text, sodium.base64_variants.URLSAFE_NO_PADDING);
  const publicKey = b64(data.publicKey ?? '');
  const salt = b64(data.salt ?? '');
  const params = { opsLimit: Number(data.opsLimit), memLimitBytes: Number(data.memLimit) };
  const status = document.getElementById('follow-up-status');
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
  const say = (message: string) => {
    if (status) status.textContent = message;
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (button) button.disabled = true;
    try {
      say(data.msgWorking ?? '');
      const keys = deriveReceiptKeys(sodium, text(form, 'receipt'), salt, params);
      const message = text(form, 'message');
      const body = new FormData();
      body.append('token', text(form, 'token'));
      body.append('lookup', keys.lookup);
      if (message) body.append('message', new Blob([sealMessage(sodium, publicKey, { text: message, day: new Date().toISOString().slice(0, 10) }) as BlobPart]), 'message');
      const response = await fetch(data.sealedAction ?? '', { method: 'POST', body, credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' });
      const answer = (await response.json()) as { replies?: string[]; sentByReporter?: number; token?: string; error?: string };
      // Every answer brings a fresh single-use token for the next try.
      const tokenInput = form.elements.namedItem('token') as HTMLInputElement | null;
      if (answer.token && tokenInput) tokenInput.value = answer.token;
      if (!response.ok || !answer.replies) {
        say(answer.error ?? data.msgGeneric ?? '');
        sodium.memzero(keys.replyPrivateKey);
        return;
      }
      const replies = answer.replies.map((sealed) => JSON.parse(fromUtf8(unpad(sodium.crypto_box_seal_open(b64(sealed), keys.replyPublicKey, keys.replyPrivateKey)))) as { text: string; day: string });
      sodium.memzero(keys.replyPrivateKey);
      const list = document.getElementById('follow-up-replies');
      list?.replaceChildren(
        ...(replies.length === 0
          ? [Object.assign(document.createElement('p'), { textContent: data.msgNoReplies ?? '' })]
          : replies.map((reply) => {
              const article = document.createElement('article');
              article.append(Object.assign(document.createElement('p'), { className: 'day', textContent: reply.day }), Object.assign(document.createElement('p'), { className: 'text', textContent: reply.text }));
              return article;
            })),
      );
      const count = document.getElementById('follow-up-count');
      if (count) count.textContent = (data.msgSent ?? '').replace('0', String(answer.sentByReporter ?? 0));
      const added = document.getElementById('follow-up-added');
      if (added) {
        added.hidden = !message;
        added.textContent = data.msgAdded ?? '';
      }
      const messageInput = form.elements.namedItem('message') as HTMLTextAreaElement | null;
      if (messageInput) messageInput.value = '';
      const result = document.getElementById('follow-up-result');
      if (result) result.hidden = false;
      say('');
    } catch (error) {
      say(`${data.msgFailed ?? 'Failed'}: ${(error as Error).message}`);
    } finally {
      if (button) button.disabled = false;
    }
  });
  form.dataset.ready = '1';
}

const form = document.querySelector<HTMLFormElement>('form[data-intake]');
const followUp = document.querySelector<HTMLFormElement>('form[data-follow-up]');
if (form || followUp) {
  // If libsodium cannot start, the plain form submission (handled by the server) still works.
  loadSodium()
    .then((sodium) => {
      if (form) void start(form, sodium);
      if (followUp) startFollowUp(followUp, sodium);
    })
    .catch(() => undefined);
}
