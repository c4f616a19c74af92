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
