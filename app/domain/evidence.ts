// What may be uploaded as evidence: PDF, images and office documents, within size limits.

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 5;
export const MAX_LINKS = 10;

export const ALLOWED_TYPES: Record<string, readonly string[]> = {
  pdf: ["application/pdf"],
  png: ["image/png"],
  jpg: ["image/jpeg"],
  jpeg: ["image/jpeg"],
  webp: ["image/webp"],
  doc: ["application/msword"],
  docx: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  xls: ["application/vnd.ms-excel"],
  xlsx: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  ppt: ["application/vnd.ms-powerpoint"],
  pptx: ["application/vnd.openxmlformats-officedocument.presentationml.presentation"],
  odt: ["application/vnd.oasis.opendocument.text"],
  ods: ["application/vnd.oasis.opendocument.spreadsheet"],
};

/** The accept attribute of file inputs. */
export const ACCEPT = Object.keys(ALLOWED_TYPES)
  .map((ext) => `.${ext}`)
  .join(",");

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot + 1).toLowerCase();
}

/** Null when the file may be kept, else the dictionary key of the reason. */
export function fileProblem(file: { name: string; size: number; type: string }): string | null {
  const allowed = ALLOWED_TYPES[extensionOf(file.name)];
  if (!allowed) return "evidence.badType";
  // browsers send an empty or generic type for some office files; the extension then decides
  if (file.type && file.type !== "application/octet-stream" && !allowed.includes(file.type)) return "evidence.badType";
  if (file.size > MAX_FILE_BYTES) return "evidence.tooLarge";
  if (file.size === 0) return "evidence.empty";
  return null;
}

/** A file name safe to store and to send back in Content-Disposition. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "file";
  return base.replace(/[^\p{L}\p{N}._ -]+/gu, "_").replace(/^\.+/, "").slice(0, 120) || "file";
}

/** Evidence links: one per line, http(s) only. */
export function parseLinks(text: string | undefined): { links: string[]; invalid: string[] } {
  const links: string[] = [];
  const invalid: string[] = [];
  for (const line of (text ?? "").split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    try {
      const url = new URL(line);
      if (url.protocol === "http:" || url.protocol === "https:") links.push(url.toString());
      else invalid.push(line);
    } catch {
      invalid.push(line);
    }
  }
  return { links, invalid };
}
