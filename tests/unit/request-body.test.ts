// The one way a body enters the app: 4xx for anything an action cannot use, before work is done.
import { describe, expect, it } from "vitest";
import { MAX_FIELD_INDEX, MAX_FORM_BYTES, readFormData, screenRequest } from "~/utils/request-body.server";
import { readEvidenceForm } from "~/utils/uploads.server";

const URL_ = "http://localhost/login";
const ORIGIN = "http://localhost";

function post(body: BodyInit | null, headers: Record<string, string>, method = "POST") {
  return new Request(URL_, { method, body, headers: { Origin: ORIGIN, ...headers }, duplex: "half" } as RequestInit);
}

async function status(request: Request): Promise<number | "parsed"> {
  try {
    await readFormData(request);
    return "parsed";
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

/** A body streamed in chunks, with no length known in advance. */
function stream(bytes: number, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(chunk, bytes - sent);
      controller.enqueue(new Uint8Array(size).fill(97));
      sent += size;
    },
  });
}

describe("readFormData", () => {
  it("reads an urlencoded and a multipart form", async () => {
    const urlencoded = await readFormData(post("email=a%40b.test&password=x", { "Content-Type": "application/x-www-form-urlencoded" }));
    expect(urlencoded.get("email")).toBe("a@b.test");
    const form = new FormData();
    form.append("name", "Tim Bersama");
    const multipart = await readFormData(new Request(URL_, { method: "POST", body: form, headers: { Origin: ORIGIN } }));
    expect(multipart.get("name")).toBe("Tim Bersama");
  });

  it("answers 400 for a list index past the limit (a sparse list Zod would walk hole by hole), in either encoding", async () => {
    const form = { "Content-Type": "application/x-www-form-urlencoded" };
    expect(await status(post(`rows[${MAX_FIELD_INDEX}].itemId=x`, form))).toBe("parsed");
    expect(await status(post(`rows[${MAX_FIELD_INDEX + 1}].itemId=x`, form))).toBe(400);
    expect(await status(post("rows[0].itemId=x&unitIds[100000]=y", form))).toBe(400);
    expect(await status(post(`rows[${"0".repeat(6)}1].itemId=x`, form))).toBe(400);
    const multipart = new FormData();
    multipart.append("rows[1000000].itemId", "x");
    expect(await status(new Request(URL_, { method: "POST", body: multipart, headers: { Origin: ORIGIN } }))).toBe(400);
  });

  it("answers 415 for JSON and text bodies", async () => {
    expect(await status(post("{}", { "Content-Type": "application/json" }))).toBe(415);
    expect(await status(post("email=x", { "Content-Type": "text/plain" }))).toBe(415);
  });

  it("answers 400 for multipart without boundary, or truncated", async () => {
    expect(await status(post("x", { "Content-Type": "multipart/form-data" }))).toBe(400);
    const truncated = '--XX\r\nContent-Disposition: form-data; name="email"\r\n\r\nabc';
    expect(await status(post(truncated, { "Content-Type": "multipart/form-data; boundary=XX" }))).toBe(400);
  });

  it("answers 405 for methods other than POST, with or without a body", async () => {
    expect(await status(post(null, {}, "DELETE"))).toBe(405);
    expect(await status(post(null, {}, "PATCH"))).toBe(405);
    expect(await status(post("a=1", { "Content-Type": "application/x-www-form-urlencoded" }, "PUT"))).toBe(405);
  });

  it("answers 403 for a foreign or malformed origin, and when X-Forwarded-Host disagrees", async () => {
    const form = { "Content-Type": "application/x-www-form-urlencoded" };
    expect(await status(post("a=1", { ...form, Origin: "https://evil.example" }))).toBe(403);
    expect(await status(post("a=1", { ...form, Origin: "not a url" }))).toBe(403);
    expect(await status(post("a=1", { ...form, "X-Forwarded-Host": "evil.example" }))).toBe(403);
  });

  it("answers 413 past the limit, declared or streamed, without reading a huge body whole", async () => {
    const form = { "Content-Type": "application/x-www-form-urlencoded" };
    expect(await status(post("a=1", { ...form, "Content-Length": String(50 * 1024 * 1024) }))).toBe(413);
    expect(await status(post(stream(MAX_FORM_BYTES + 1), form))).toBe(413);
    expect(await status(post(stream(MAX_FORM_BYTES), form))).toBe("parsed");
    const multipart = { "Content-Type": "multipart/form-data; boundary=XX" };
    expect(await status(post(stream(60 * 1024 * 1024), multipart))).toBe(413);
  });
});

// A multipart body declared within the form limit is read whole and parsed by the platform's parser;
// a larger one, or one without a declared length, is streamed through Remix's parser. Both must
// read every body the same way (the one known difference: a name's %22 comes back as a quote).
describe("a multipart form read whole and one streamed", () => {
  const part = (headers: string, body: string | Buffer) => Buffer.concat([Buffer.from(`--XX\r\n${headers}\r\n\r\n`), Buffer.from(body), Buffer.from("\r\n")]);
  const text = (name: string, value: string) => part(`Content-Disposition: form-data; name="${name}"`, value);
  const file = (name: string, filename: string, type: string | null, body: string | Buffer) =>
    part(`Content-Disposition: form-data; name="${name}"; filename="${filename}"${type === null ? "" : `\r\nContent-Type: ${type}`}`, body);
  const end = Buffer.from("--XX--\r\n");
  const bodies: Record<string, Buffer> = {
    "a progress report": Buffer.concat([text("intent", "post-update"), text("progress", "60"), text("narrative", "Kemajuan — 50 % ✓\r\nbaris dua"), text("obstacles", ""), file("files", "", "application/octet-stream", ""), end]),
    "UTF-8 names": Buffer.concat([text("catatan_ü", "v"), file("files", "Laporan Ü ñ 📄.pdf", "application/pdf", "%PDF-1.7"), end]),
    "a file name with a path": Buffer.concat([file("files", "C:\\dokumen\\laporan.pdf", "application/pdf", "%PDF"), file("files", "/tmp/x/foto.png", "image/png", "png"), end]),
    "a binary file": Buffer.concat([file("files", "foto.png", "image/png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x2d, 0x2d, 0x58, 0x59, 0xff, 0])), end]),
    "a file part without a type": Buffer.concat([file("files", "laporan.pdf", null, "%PDF"), end]),
    "a preamble and an epilogue": Buffer.concat([Buffer.from("preamble\r\n"), text("a", "1"), end, Buffer.from("epilogue")]),
    "a name not quoted": Buffer.concat([part("Content-Disposition: form-data; name=a", "1"), end]),
    "several values of one name": Buffer.concat([text("unitIds", "u1"), text("unitIds", "u2"), text("rows[3].itemId", "i"), end]),
    "more files than allowed": Buffer.concat(Array.from({ length: 8 }, (_, i) => file("files", `f${i}.pdf`, "application/pdf", "%PDF")).concat(end)),
  };
  const malformed: Record<string, string> = {
    truncated: '--XX\r\nContent-Disposition: form-data; name="email"\r\n\r\nabc',
    "never closed": '--XX\r\nContent-Disposition: form-data; name="email"\r\n\r\nabc\r\n',
    "a part without a name": "--XX\r\nContent-Disposition: form-data\r\n\r\nv\r\n--XX--\r\n",
    "lines ended by LF": '--XX\nContent-Disposition: form-data; name="a"\n\n1\n--XX--\n',
  };
  const multipart = { "Content-Type": "multipart/form-data; boundary=XX" };
  const whole = (body: Buffer | string) => post(Buffer.from(body), { ...multipart, "Content-Length": String(Buffer.byteLength(body)) });
  const streamed = (body: Buffer | string) => post(new Blob([Buffer.from(body)]).stream(), multipart);
  const entries = async (form: FormData) =>
    Promise.all(
      [...form].map(async ([name, value]) =>
        typeof value === "string" ? [name, value] : [name, { name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()).toString("hex") }],
      ),
    );
  const outcome = async (read: () => Promise<unknown>) => {
    try {
      return await read();
    } catch (thrown) {
      if (thrown instanceof Response) return thrown.status;
      throw thrown;
    }
  };

  it.each(Object.entries(bodies))("reads %s the same way, with and without its files", async (_, body) => {
    expect(await entries(await readFormData(whole(body)))).toEqual(await entries(await readFormData(streamed(body))));
    const withFiles = async (request: Request) => {
      const read = await readEvidenceForm(request);
      return { entries: await entries(read.formData), fileErrors: read.fileErrors, filesChosen: read.filesChosen };
    };
    const read = await withFiles(whole(body));
    expect(read).toEqual(await withFiles(streamed(body)));
    expect(read.entries.length).toBeGreaterThan(0);
  });

  it("keeps the files as sent, their base names only", async () => {
    const read = await readEvidenceForm(whole(Buffer.concat([bodies["a file name with a path"]!])));
    const files = read.formData.getAll("files") as File[];
    expect(files.map((f) => [f.name, f.type])).toEqual([["laporan.pdf", "application/pdf"], ["foto.png", "image/png"]]);
    expect(read.filesChosen).toBe(true);
    const binary = (await readEvidenceForm(whole(bodies["a binary file"]!))).formData.get("files") as File;
    expect(Buffer.from(await binary.arrayBuffer())).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x2d, 0x2d, 0x58, 0x59, 0xff, 0]));
  });

  it.each(Object.entries(malformed))("answers 400 either way for a body %s", async (_, body) => {
    expect(await outcome(() => readFormData(whole(body)))).toBe(400);
    expect(await outcome(() => readFormData(streamed(body)))).toBe(400);
  });

  it("answers 413 for a body longer than the form limit whatever length it declared", async () => {
    const body = Buffer.concat([text("narrative", "a".repeat(MAX_FORM_BYTES)), end]);
    expect(await outcome(() => readFormData(post(body, { ...multipart, "Content-Length": "1000" })))).toBe(413);
  });
});

describe("screenRequest on the wire", () => {
  const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });
  it("requires a declared length for a form (browsers always send one)", () => {
    const form = { Host: "localhost", Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" };
    expect(screenRequest("POST", headers(form), { requireLength: true })).toMatchObject({ status: 411 });
    expect(screenRequest("POST", headers({ ...form, "Content-Length": "10" }), { requireLength: true })).toBeNull();
    expect(screenRequest("GET", headers({}), { requireLength: true })).toBeNull();
    expect(screenRequest("POST", headers({ ...form, "Content-Length": "1e9" }), { requireLength: true })).toMatchObject({ status: 400 });
  });
});
