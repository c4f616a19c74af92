import zlib from "node:zlib";

// An uploaded ZIP (an XLSX workbook is one) is inflated here, entry by entry, with a ceiling on
// the bytes it may produce, before any library opens it: a few megabytes of deflate can expand to
// gigabytes (a "zip bomb"), and the sizes an archive declares are the attacker's to choose.

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

export type ZipCheck = { ok: true } | { ok: false; reason: "unreadable" | "too-large" };

/**
 * Whether the archive inflates to at most `maxBytes` in all (and at most `maxEntries` entries),
 * measured by inflating it, not by trusting the sizes it declares.
 */
export function checkZipExpansion(bytes: Buffer, maxBytes: number, maxEntries = 1000): ZipCheck {
  // the end-of-central-directory record sits in the last 22 bytes + up to 64 KiB of comment
  const searchFrom = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= searchFrom; i--) {
    if (bytes.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return { ok: false, reason: "unreadable" };
  const entries = bytes.readUInt16LE(end + 10);
  if (entries > maxEntries) return { ok: false, reason: "too-large" };
  let offset = bytes.readUInt32LE(end + 16);
  let budget = maxBytes;
  try {
    for (let n = 0; n < entries; n++) {
      if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL_FILE_HEADER) return { ok: false, reason: "unreadable" };
      const method = bytes.readUInt16LE(offset + 10);
      const compressedSize = bytes.readUInt32LE(offset + 20);
      const nameLength = bytes.readUInt16LE(offset + 28);
      const extraLength = bytes.readUInt16LE(offset + 30);
      const commentLength = bytes.readUInt16LE(offset + 32);
      const localOffset = bytes.readUInt32LE(offset + 42);
      offset += 46 + nameLength + extraLength + commentLength;

      if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL_FILE_HEADER) return { ok: false, reason: "unreadable" };
      const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
      const data = bytes.subarray(dataStart, dataStart + compressedSize);
      if (data.length !== compressedSize) return { ok: false, reason: "unreadable" };
      let produced: number;
      if (method === 0) produced = compressedSize;
      else if (method === 8) produced = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, budget + 1) }).length;
      else return { ok: false, reason: "unreadable" };
      budget -= produced;
      if (budget < 0) return { ok: false, reason: "too-large" };
    }
  } catch (error) {
    // zlib refuses to produce more than maxOutputLength with a RangeError
    if (error instanceof RangeError) return { ok: false, reason: "too-large" };
    return { ok: false, reason: "unreadable" };
  }
  return { ok: true };
}
