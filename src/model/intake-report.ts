import { z } from 'zod';

/**
 * What a reporter sends through confidential intake. These values only ever exist in plaintext in
 * the reporter's browser, in server memory for a moment (without JavaScript), and on an analyst's
 * machine after decryption; the store holds them sealed.
 */
export const INTAKE_FIELD_LIMITS = { what: 20_000, when: 500, where: 1_000, who: 5_000, howKnown: 5_000, contact: 500 } as const;
export type IntakeField = keyof typeof INTAKE_FIELD_LIMITS;
export const INTAKE_FIELDS = Object.keys(INTAKE_FIELD_LIMITS) as IntakeField[];

export const IntakeLanguage = z.enum(['en', 'ru']);
export type IntakeLanguage = z.infer<typeof IntakeLanguage>;

/** One attached file as the report lists it. `variant` tells a cleaned copy from the unaltered evidence copy. */
export const IntakeAttachmentInfo = z.object({
  name: z.string().max(255),
  mediaType: z.string().max(100),
  size: z.int().nonnegative(),
  variant: z.enum(['cleaned', 'original', 'as_sent']),
  /** The file as the reporter chose it carried GPS or other location data. */
  locationFound: z.boolean(),
  /** EXIF/XMP/text metadata was removed from this copy. */
  metadataRemoved: z.boolean(),
});
export type IntakeAttachmentInfo = z.infer<typeof IntakeAttachmentInfo>;

export const IntakeReport = z.object({
  version: z.literal(1),
  language: IntakeLanguage,
  what: z.string().min(1).max(INTAKE_FIELD_LIMITS.what),
  when: z.string().max(INTAKE_FIELD_LIMITS.when),
  where: z.string().max(INTAKE_FIELD_LIMITS.where),
  who: z.string().max(INTAKE_FIELD_LIMITS.who),
  howKnown: z.string().max(INTAKE_FIELD_LIMITS.howKnown),
  contact: z.string().max(INTAKE_FIELD_LIMITS.contact),
  /** Sealed in the reporter's browser, or by the server at arrival (no JavaScript). */
  sealedBy: z.enum(['browser', 'server']),
  attachments: z.array(IntakeAttachmentInfo).max(20),
});
export type IntakeReport = z.infer<typeof IntakeReport>;

/** A message in the conversation after the report: the reporter adding information, or an analyst replying. */
export const IntakeMessage = z.object({
  text: z.string().min(1).max(INTAKE_FIELD_LIMITS.what),
  /** Day only (YYYY-MM-DD): no finer time is kept anywhere. */
  day: z.iso.date(),
});
export type IntakeMessage = z.infer<typeof IntakeMessage>;
