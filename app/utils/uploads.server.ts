import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { MAX_FILE_BYTES, MAX_FILES, extensionOf, safeFileName } from "~/domain/evidence";
import { uploadsDir } from "./database-url.mjs";
import { readFormData, textPartsOnly } from "./request-body.server";

/** A form that may carry evidence files, as every action taking them reads it. */
export type EvidenceForm = {
  formData: FormData;
  /**
   * Errors for the `files` field when a file was over the limit (its part was not kept), to add to
   * the submission's reply; undefined when every file was taken.
   */
  fileErrors: Record<string, string[]> | undefined;
  /** Files were chosen: after a refusal the user must choose them again (browsers cannot refill them). */
  filesChosen: boolean;
};

/**
 * Reads a form that may carry files. Files over the limit are not kept in memory: the part is
 * refused and the field gets an error, so the rest of what the user typed survives.
 */
export async function readEvidenceForm(request: Request): Promise<EvidenceForm> {
  let tooLarge = false;
  let files = 0;
  const formData = await readFormData(request, async (part) => {
    if (!part.filename) return textPartsOnly(part);
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of part.data) {
      size += chunk.byteLength;
      // past the limit the rest of the part is read but not kept
      if (size <= MAX_FILE_BYTES) chunks.push(chunk);
    }
    if (size > MAX_FILE_BYTES || ++files > MAX_FILES + 1) {
      tooLarge ||= size > MAX_FILE_BYTES;
      return undefined;
    }
    return new File([Buffer.concat(chunks)], part.filename, { type: part.contentType });
  });
  const filesChosen = tooLarge || formData.getAll("files").some((f) => typeof f === "object" && f.size > 0);
  return { formData, fileErrors: tooLarge ? { files: ["evidence.tooLarge"] } : undefined, filesChosen };
}

export { uploadsDir };

/** Stores an uploaded file under the data directory; returns what the Evidence row records. */
export async function storeFile(file: File) {
  const ext = extensionOf(file.name);
  const relative = path.join(new Date().toISOString().slice(0, 7), `${crypto.randomBytes(16).toString("hex")}.${ext}`);
  const full = path.join(uploadsDir(), relative);
  await fs.mkdir(path.dirname(full), { recursive: true });
  await fs.writeFile(full, Buffer.from(await file.arrayBuffer()));
  return { fileName: safeFileName(file.name), storagePath: relative, mimeType: file.type || "application/octet-stream", sizeBytes: file.size };
}

export async function removeStoredFile(storagePath: string) {
  await fs.rm(path.join(uploadsDir(), storagePath), { force: true });
}

/** The absolute path of a stored file, refusing anything that escapes the uploads folder. */
export function storedFilePath(storagePath: string): string | null {
  const root = uploadsDir();
  const full = path.resolve(root, storagePath);
  return full.startsWith(root + path.sep) ? full : null;
}
