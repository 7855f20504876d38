/// <reference lib="dom" />
// The intake page's script, bundled into dist/intake-page/intake.js (npm run bundle:intake). It
// runs only when JavaScript is on; the form works without it. With it, the reporter's browser
// strips image metadata, seals the report and files to the organisation's public key, solves the
// proof of work, and uploads ciphertext only. If anything here fails to load (WebAssembly off,
// as in Tor Browser's "Safer" level), the form falls back to its plain submission.
import type { IntakeAttachmentInfo, IntakeReport } from '../../model/intake-report.js';
import { prepareAttachment, type AttachmentCopy } from '../attachment.js';
import { sealAttachment, sealReport } from '../envelope.js';
import { solveProofOfWork } from '../proof-of-work.js';
import { loadSodium, type Sodium } from '../sodium.js';

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

const form = document.querySelector<HTMLFormElement>('form[data-intake]');
if (form) {
  // If libsodium cannot start, the plain form submission (sealed by the server) still works.
  loadSodium()
    .then((sodium) => start(form, sodium))
    .catch(() => undefined);
}
