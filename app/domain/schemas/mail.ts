import { z } from "zod";
import { LOCALES } from "../enums";
import { DIGEST_CHOICES } from "../mail-preferences";

export { DIGEST_CHOICES };

/** E-mail preferences on /account (a checkbox sends "on" or nothing). */
export const mailPreferencesSchema = z.object({
  emailImmediate: z.boolean().optional().transform((v) => v === true),
  emailDigest: z.enum(DIGEST_CHOICES),
  locale: z.enum(LOCALES),
});
export type MailPreferencesInput = z.infer<typeof mailPreferencesSchema>;

/** Sending an e-mail of /admin/outbox again (the button's value is the message's id). */
export const outboxRetrySchema = z.object({ intent: z.literal("retry"), id: z.string().min(1).max(40) });

/** A reminder to a campus's liaisons on /reminders (the button's value is the campus's id). */
export const reminderSendSchema = z.object({ intent: z.literal("send"), campusId: z.string().min(1).max(40) });
