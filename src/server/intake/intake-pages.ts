import type { IntakeMessage } from '../../model/intake-report.js';
import type { IntakeMessages } from './intake-messages.js';

/** Escape text for HTML content and quoted attributes. Everything from outside goes through this. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (character) => `&#${character.charCodeAt(0)};`);
}

export interface FormPageModel {
  messages: IntakeMessages;
  token: string;
  /** base64url public key, for the browser script. */
  publicKey: string;
  powBits: number;
  maxFiles: number;
  maxFileMb: number;
}

function page(messages: IntakeMessages, title: string, body: string, withScript = false): string {
  return `<!doctype html>
<html lang="${messages.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/report/assets/intake.css">
${withScript ? '<script type="module" src="/report/assets/intake.js"></script>\n' : ''}</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

const field = (name: string, label: string, hint: string, max: number, rows: number) =>
  `<div class="field">
<label for="f-${name}">${escapeHtml(label)}</label>
<p class="hint" id="h-${name}">${escapeHtml(hint)}</p>
${rows > 1 ? `<textarea id="f-${name}" name="${name}" rows="${rows}" maxlength="${max}" aria-describedby="h-${name}"${name === 'what' ? ' required' : ''}></textarea>` : `<input id="f-${name}" name="${name}" type="text" maxlength="${max}" autocomplete="off" aria-describedby="h-${name}">`}
</div>`;

/** The report form. Works without JavaScript (plain multipart POST); the script, when it runs, seals in the browser instead. */
export function formPage(model: FormPageModel, limits: { what: number; when: number; where: number; who: number; howKnown: number; contact: number }): string {
  const m = model.messages;
  const s = m.script;
  const filesHint = m.filesHint.replace('{files}', String(model.maxFiles)).replace('{mb}', String(model.maxFileMb));
  return page(
    m,
    m.title,
    `<p class="lang"><a href="/report/${m.otherLanguage.lang}" hreflang="${m.otherLanguage.lang}">${escapeHtml(m.otherLanguage.label)}</a></p>
<h1>${escapeHtml(m.title)}</h1>
<p>${escapeHtml(m.intro)}</p>
<p class="safety">${escapeHtml(m.safety)}</p>
<form id="intake-form" method="post" action="/report/${m.lang}" enctype="multipart/form-data" accept-charset="utf-8"
 data-intake="1" data-public-key="${escapeHtml(model.publicKey)}" data-pow-bits="${model.powBits}" data-sealed-action="/report/${m.lang}/sealed" data-lang="${m.lang}"
 data-max-files="${model.maxFiles}" data-max-file-bytes="${model.maxFileMb * 1024 * 1024}"
 data-msg-working="${escapeHtml(s.working)}" data-msg-solving="${escapeHtml(s.solving)}" data-msg-sending="${escapeHtml(s.sending)}" data-msg-failed="${escapeHtml(s.failed)}" data-msg-location="${escapeHtml(s.locationWarning)}" data-msg-checking="${escapeHtml(s.checking)}">
<input type="hidden" name="token" value="${escapeHtml(model.token)}">
${field('what', m.fields.what, m.hints.what, limits.what, 8)}
${field('when', m.fields.when, m.hints.when, limits.when, 1)}
${field('where', m.fields.where, m.hints.where, limits.where, 1)}
${field('who', m.fields.who, m.hints.who, limits.who, 4)}
${field('how_known', m.fields.howKnown, m.hints.howKnown, limits.howKnown, 3)}
${field('contact', m.fields.contact, m.hints.contact, limits.contact, 1)}
<div class="field">
<label for="f-files">${escapeHtml(m.files)}</label>
<p class="hint" id="h-files">${escapeHtml(filesHint)}</p>
<input id="f-files" name="files" type="file" multiple aria-describedby="h-files">
<ul id="file-notes" class="notes" aria-live="polite"></ul>
</div>
<div class="field checkbox">
<input id="f-keep" name="keep_original" type="checkbox" value="1">
<label for="f-keep">${escapeHtml(m.keepOriginal)}</label>
<p class="hint">${escapeHtml(m.keepOriginalHint)}</p>
</div>
<p id="intake-status" class="status" role="status" aria-live="polite"></p>
<button type="submit">${escapeHtml(m.submit)}</button>
</form>
<section id="receipt-box" class="receipt" hidden>
<h2>${escapeHtml(m.receiptTitle)}</h2>
<p class="warning">${escapeHtml(m.receiptWarning)}</p>
<p><code id="receipt-code"></code></p>
<p>${escapeHtml(m.receiptNext)}</p>
<ul id="receipt-notes" class="notes"></ul>
</section>
<p><a href="/report/${m.lang}/follow-up">${escapeHtml(m.followUpLink)}</a></p>`,
    true,
  );
}

/** The receipt, shown once. */
export function receiptPage(messages: IntakeMessages, receipt: string, notes: readonly string[]): string {
  return page(
    messages,
    messages.receiptTitle,
    `<section class="receipt">
<h1>${escapeHtml(messages.receiptTitle)}</h1>
<p class="warning">${escapeHtml(messages.receiptWarning)}</p>
<p><code id="receipt-code">${escapeHtml(receipt)}</code></p>
<p>${escapeHtml(messages.receiptNext)}</p>
${notes.length ? `<ul class="notes">${notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>` : ''}
</section>
<p><a href="/report/${messages.lang}/follow-up">${escapeHtml(messages.followUpTitle)}</a></p>`,
  );
}

/** The follow-up form; after a successful look-up it shows replies and carries the receipt on to add more. */
/** What the follow-up page's script needs to derive receipt keys and seal in the browser. */
export interface FollowUpScriptModel {
  publicKey: string;
  salt: string;
  opsLimit: number;
  memLimitBytes: number;
}

export function followUpPage(messages: IntakeMessages, options: { token: string; notice?: string; receipt?: string; replies?: IntakeMessage[]; sentByReporter?: number; added?: boolean; script?: FollowUpScriptModel }): string {
  const m = messages;
  const conversation =
    options.replies === undefined
      ? ''
      : `<section class="replies">
${options.added ? `<p class="ok">${escapeHtml(m.added)}</p>` : ''}
<h2>${escapeHtml(m.repliesTitle)}</h2>
${options.replies.length === 0 ? `<p>${escapeHtml(m.noReplies)}</p>` : options.replies.map((reply) => `<article><p class="day">${escapeHtml(reply.day)}</p><p class="text">${escapeHtml(reply.text)}</p></article>`).join('\n')}
<p>${escapeHtml(m.sentCount(options.sentByReporter ?? 0))}</p>
</section>`;
  return page(
    m,
    m.followUpTitle,
    `<p class="lang"><a href="/report/${m.otherLanguage.lang}/follow-up" hreflang="${m.otherLanguage.lang}">${escapeHtml(m.otherLanguage.label)}</a></p>
<h1>${escapeHtml(m.followUpTitle)}</h1>
${options.notice ? `<p class="error" role="alert">${escapeHtml(options.notice)}</p>` : ''}
${conversation}
<form id="follow-up-form" method="post" action="/report/${m.lang}/follow-up" enctype="multipart/form-data" accept-charset="utf-8"${
    options.script
      ? ` data-follow-up="1" data-public-key="${escapeHtml(options.script.publicKey)}" data-salt="${escapeHtml(options.script.salt)}" data-ops-limit="${options.script.opsLimit}" data-mem-limit="${options.script.memLimitBytes}" data-sealed-action="/report/${m.lang}/follow-up/sealed" data-msg-working="${escapeHtml(m.script.working)}" data-msg-failed="${escapeHtml(m.script.failed)}" data-msg-generic="${escapeHtml(m.followUpGeneric)}" data-msg-added="${escapeHtml(m.added)}" data-msg-no-replies="${escapeHtml(m.noReplies)}" data-msg-sent="${escapeHtml(m.sentCount(0))}"`
      : ''
  }>
<input type="hidden" name="token" value="${escapeHtml(options.token)}">
<p>${escapeHtml(m.followUpIntro)}</p>
<div class="field">
<label for="f-receipt">${escapeHtml(m.receiptLabel)}</label>
<input id="f-receipt" name="receipt" type="text" autocomplete="off" spellcheck="false" inputmode="numeric" required value="${escapeHtml(options.receipt ?? '')}">
</div>
<div class="field">
<label for="f-message">${escapeHtml(m.addInformation)}</label>
<textarea id="f-message" name="message" rows="6"></textarea>
</div>
<p id="follow-up-status" class="status" role="status" aria-live="polite"></p>
<button type="submit">${escapeHtml(m.followUpSubmit)}</button>
</form>
<section id="follow-up-result" class="replies" hidden>
<p id="follow-up-added" class="ok" hidden></p>
<h2>${escapeHtml(m.repliesTitle)}</h2>
<div id="follow-up-replies"></div>
<p id="follow-up-count"></p>
</section>
<p><a href="/report/${m.lang}">${escapeHtml(m.title)}</a></p>`,
    Boolean(options.script),
  );
}

/** A refusal a person can act on. */
export function errorPage(messages: IntakeMessages, problem: string, backTo: string): string {
  return page(messages, messages.errorTitle, `<h1>${escapeHtml(messages.errorTitle)}</h1>\n<p class="error" role="alert">${escapeHtml(problem)}</p>\n<p><a href="${escapeHtml(backTo)}">${escapeHtml(messages.back)}</a></p>`);
}

export const INTAKE_CSS = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#fafafa;color:#1a1a1a}
main{max-width:42rem;margin:0 auto;padding:1rem 1.25rem 3rem}
h1{font-size:1.6rem}label{font-weight:600;display:block}
.field{margin:1.1rem 0}.hint{margin:.2rem 0 .4rem;color:#555;font-size:.9rem}
textarea,input[type=text]{width:100%;box-sizing:border-box;font:inherit;padding:.45rem;border:1px solid #999;border-radius:4px}
.checkbox label{display:inline;font-weight:400}
button{font:inherit;padding:.6rem 1.4rem;border:0;border-radius:4px;background:#1d4e89;color:#fff;cursor:pointer}
button[disabled]{opacity:.6}
.safety{background:#fff6d6;padding:.6rem .8rem;border-radius:4px}
.receipt code{font-size:1.35rem;letter-spacing:.05em;background:#fff;border:2px solid #1d4e89;padding:.4rem .6rem;display:inline-block;word-break:break-all}
.warning{font-weight:600;color:#7a1d00}.error{color:#a00000;font-weight:600}.ok{color:#0a5a1a}
.notes li{margin:.3rem 0}.lang{text-align:right}.day{color:#555;font-size:.85rem;margin:0}
article{border-left:3px solid #1d4e89;padding-left:.8rem;margin:1rem 0}.text{white-space:pre-wrap}
`;
