import type { IntakeLanguage } from '../../model/intake-report.js';

/** Every text of the intake pages, in English and Russian. Plain text: pages escape it. */
export interface IntakeMessages {
  lang: IntakeLanguage;
  otherLanguage: { lang: IntakeLanguage; label: string };
  title: string;
  intro: string;
  safety: string;
  fields: { what: string; when: string; where: string; who: string; howKnown: string; contact: string };
  hints: { what: string; when: string; where: string; who: string; howKnown: string; contact: string };
  files: string;
  filesHint: string;
  keepOriginal: string;
  keepOriginalHint: string;
  submit: string;
  followUpLink: string;
  receiptTitle: string;
  receiptWarning: string;
  receiptNext: string;
  locationRemoved: (name: string) => string;
  locationKept: (name: string) => string;
  metadataNotRemoved: (name: string) => string;
  // follow-up
  followUpTitle: string;
  followUpIntro: string;
  receiptLabel: string;
  addInformation: string;
  followUpSubmit: string;
  followUpGeneric: string;
  repliesTitle: string;
  noReplies: string;
  sentCount: (count: number) => string;
  added: string;
  // errors and states
  notConfigured: string;
  errorTitle: string;
  back: string;
  errors: {
    whatRequired: string;
    tooLong: (field: string, max: number) => string;
    fileTooLarge: (maxMb: number) => string;
    tooManyFiles: (max: number) => string;
    bodyTooLarge: string;
    malformed: string;
    invalidUtf8: string;
    fileRejected: (name: string, detail: string) => string;
    formExpired: string;
    tooManyRequests: string;
    busy: string;
  };
  // browser script
  script: { working: string; solving: string; sending: string; failed: string; locationWarning: string; checking: string };
}

const en: IntakeMessages = {
  lang: 'en',
  otherLanguage: { lang: 'ru', label: 'По-русски' },
  title: 'Report confidentially',
  intro: 'Tell us what happened. Only a few trained people at the organisation can read what you send: it is encrypted before it is stored, and this server cannot decrypt it.',
  safety: 'For your safety: use Tor Browser if you can, on a device others do not check. Do not write your name unless you want to. You do not need to fill in every field.',
  fields: { what: 'What happened?', when: 'When did it happen?', where: 'Where did it happen?', who: 'Who was involved?', howKnown: 'How do you know about it?', contact: 'How can we reach you? (optional)' },
  hints: {
    what: 'In your own words. Required.',
    when: 'A date, or as close as you remember ("early March 2024").',
    where: 'Town, district, address or a description of the place.',
    who: 'People who were harmed, people responsible, witnesses — only what you are comfortable sharing.',
    howKnown: 'Did you see it, did it happen to you, did someone tell you?',
    contact: 'Leave empty if you prefer. You can also come back with your receipt to read our replies.',
  },
  files: 'Files (photos, documents, audio, video)',
  filesHint: 'Up to {files} files, {mb} MB each. Hidden data in photos (camera, time, GPS location) is removed before encryption.',
  keepOriginal: 'Also keep an unaltered copy of my photos as evidence',
  keepOriginalHint: 'The unaltered copy keeps the hidden data, which may include where the photo was taken. It is encrypted separately. Leave this unticked unless you know you need it.',
  submit: 'Send securely',
  followUpLink: 'Already sent a report? Read replies or add information with your receipt.',
  receiptTitle: 'Your report was received',
  receiptWarning: 'This is your receipt. Write it down and keep it somewhere safe — it is shown only once, and nobody (not even us) can recover it. Anyone holding it can read our replies to you.',
  receiptNext: 'With this receipt you can come back to read replies and add information.',
  locationRemoved: (name) => `The file "${name}" contained location data (GPS). It was removed before encryption.`,
  locationKept: (name) => `The file "${name}" contains location data, and you asked to keep an unaltered copy: that copy still holds it (encrypted).`,
  metadataNotRemoved: (name) => `Hidden data in "${name}" could not be removed (this kind of file is kept as sent).`,
  followUpTitle: 'Follow up on a report',
  followUpIntro: 'Enter your receipt to read replies from the organisation, and add information if you want.',
  receiptLabel: 'Receipt',
  addInformation: 'Add information (optional)',
  followUpSubmit: 'Continue',
  followUpGeneric: 'No report matches this receipt, or there were too many attempts. Check the receipt and try again later.',
  repliesTitle: 'Replies from the organisation',
  noReplies: 'No replies yet.',
  sentCount: (count) => `You have added information ${count} time(s).`,
  added: 'Your information was added and encrypted.',
  notConfigured: 'Confidential reporting is not set up on this server yet.',
  errorTitle: 'Your report could not be sent',
  back: 'Go back to the form (your browser may have kept what you wrote).',
  errors: {
    whatRequired: 'Please say what happened.',
    tooLong: (field, max) => `"${field}" is too long (at most ${max.toLocaleString('en')} characters).`,
    fileTooLarge: (mb) => `A file is too large (at most ${mb} MB each).`,
    tooManyFiles: (max) => `Too many files (at most ${max}).`,
    bodyTooLarge: 'What you sent is too large.',
    malformed: 'The form arrived damaged. Please try again.',
    invalidUtf8: 'The text contains characters that could not be read (invalid UTF-8).',
    fileRejected: (name, detail) => `The file "${name}" was refused: ${detail}.`,
    formExpired: 'This form has expired or was already used. Please reload the page (copy your text first).',
    tooManyRequests: 'Too many reports were sent from here recently. Please wait a while and try again.',
    busy: 'The server is busy. Please try again in a minute.',
  },
  script: {
    working: 'Removing hidden data and encrypting in your browser…',
    solving: 'Preparing to send (this takes a few seconds)…',
    sending: 'Sending…',
    failed: 'Sending failed',
    locationWarning: 'contains location data (GPS); it will be removed before sending',
    checking: 'Checking files…',
  },
};

const ru: IntakeMessages = {
  lang: 'ru',
  otherLanguage: { lang: 'en', label: 'In English' },
  title: 'Конфиденциальное сообщение',
  intro: 'Расскажите, что произошло. Прочитать отправленное могут только несколько сотрудников организации: всё шифруется до сохранения, и этот сервер расшифровать ничего не может.',
  safety: 'Ради вашей безопасности: по возможности используйте Tor Browser на устройстве, которое не проверяют другие. Не указывайте своё имя, если не хотите. Заполнять все поля не обязательно.',
  fields: { what: 'Что произошло?', when: 'Когда это произошло?', where: 'Где это произошло?', who: 'Кто был причастен?', howKnown: 'Откуда вы об этом знаете?', contact: 'Как с вами связаться? (необязательно)' },
  hints: {
    what: 'Своими словами. Обязательное поле.',
    when: 'Дата или как можно точнее («начало марта 2024»).',
    where: 'Город, район, адрес или описание места.',
    who: 'Пострадавшие, виновные, свидетели — только то, чем вам спокойно поделиться.',
    howKnown: 'Вы видели это сами, это случилось с вами, вам кто-то рассказал?',
    contact: 'Можно оставить пустым. Ответы можно прочитать, вернувшись сюда с квитанцией.',
  },
  files: 'Файлы (фото, документы, аудио, видео)',
  filesHint: 'До {files} файлов, до {mb} МБ каждый. Скрытые данные фотографий (камера, время, GPS-координаты) удаляются до шифрования.',
  keepOriginal: 'Сохранить также неизменённую копию фотографий как доказательство',
  keepOriginalHint: 'Неизменённая копия сохраняет скрытые данные, в том числе, возможно, место съёмки. Она шифруется отдельно. Не отмечайте, если не уверены, что это нужно.',
  submit: 'Отправить безопасно',
  followUpLink: 'Уже отправили сообщение? Прочитайте ответы или дополните его по квитанции.',
  receiptTitle: 'Ваше сообщение получено',
  receiptWarning: 'Это ваша квитанция. Запишите её и храните в надёжном месте — она показывается только один раз, и восстановить её не может никто, даже мы. Любой, у кого она есть, может прочитать наши ответы вам.',
  receiptNext: 'С этой квитанцией можно вернуться, чтобы прочитать ответы и дополнить сообщение.',
  locationRemoved: (name) => `Файл «${name}» содержал данные о местоположении (GPS). Они удалены до шифрования.`,
  locationKept: (name) => `Файл «${name}» содержит данные о местоположении, и вы попросили сохранить неизменённую копию: в ней они остаются (в зашифрованном виде).`,
  metadataNotRemoved: (name) => `Скрытые данные файла «${name}» удалить не удалось (файлы этого типа сохраняются как есть).`,
  followUpTitle: 'Вернуться к сообщению',
  followUpIntro: 'Введите квитанцию, чтобы прочитать ответы организации и при желании дополнить сообщение.',
  receiptLabel: 'Квитанция',
  addInformation: 'Дополнительная информация (необязательно)',
  followUpSubmit: 'Продолжить',
  followUpGeneric: 'Сообщение с такой квитанцией не найдено, или попыток было слишком много. Проверьте квитанцию и попробуйте позже.',
  repliesTitle: 'Ответы организации',
  noReplies: 'Ответов пока нет.',
  sentCount: (count) => `Вы дополняли сообщение: ${count} раз(а).`,
  added: 'Ваша информация добавлена и зашифрована.',
  notConfigured: 'Конфиденциальные сообщения на этом сервере ещё не настроены.',
  errorTitle: 'Сообщение не удалось отправить',
  back: 'Вернитесь к форме (браузер, возможно, сохранил введённый текст).',
  errors: {
    whatRequired: 'Пожалуйста, расскажите, что произошло.',
    tooLong: (field, max) => `Поле «${field}» слишком длинное (не более ${max.toLocaleString('ru')} символов).`,
    fileTooLarge: (mb) => `Файл слишком большой (не более ${mb} МБ каждый).`,
    tooManyFiles: (max) => `Слишком много файлов (не более ${max}).`,
    bodyTooLarge: 'Отправленные данные слишком велики.',
    malformed: 'Форма пришла повреждённой. Попробуйте ещё раз.',
    invalidUtf8: 'В тексте есть символы, которые не удалось прочитать (недопустимый UTF-8).',
    fileRejected: (name, detail) => `Файл «${name}» не принят: ${detail}.`,
    formExpired: 'Срок действия формы истёк, или она уже была отправлена. Обновите страницу (сначала скопируйте текст).',
    tooManyRequests: 'Отсюда недавно отправили слишком много сообщений. Подождите и попробуйте снова.',
    busy: 'Сервер занят. Попробуйте через минуту.',
  },
  script: {
    working: 'Удаляем скрытые данные и шифруем в вашем браузере…',
    solving: 'Подготовка к отправке (несколько секунд)…',
    sending: 'Отправка…',
    failed: 'Отправить не удалось',
    locationWarning: 'содержит данные о местоположении (GPS); они будут удалены до отправки',
    checking: 'Проверяем файлы…',
  },
};

export const INTAKE_MESSAGES: Record<IntakeLanguage, IntakeMessages> = { en, ru };
