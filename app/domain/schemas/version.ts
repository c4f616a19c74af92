import { z } from "zod";

// The two hidden fields of a version-checked form (see ../conflict.ts).

/** The version of the record the form was opened at; a save from an older one is refused. */
export const recordVersion = (message = "conflict.versionMissing") =>
  z.number({ required_error: message, invalid_type_error: message }).int(message).positive(message);

/** When the form was opened (an ISO instant): changes saved after it are listed on a conflict. */
export const startedAt = () => z.string().trim().max(40).optional();
