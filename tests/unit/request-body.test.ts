// The one way a body enters the app: 4xx for anything an action cannot use, before work is done.
import { describe, expect, it } from "vitest";
import { MAX_FIELD_INDEX, MAX_FORM_BYTES, readFormData, screenRequest } from "~/utils/request-body.server";

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
