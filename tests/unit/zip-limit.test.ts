import { describe, expect, it } from "vitest";
import { checkZipExpansion } from "~/utils/zip-limit.server";
import { zipOf } from "../support/zip";

const MB = 1024 * 1024;

describe("checkZipExpansion", () => {
  it("lets a small archive through", () => {
    const zip = zipOf([{ name: "a.xml", data: Buffer.from("<a/>".repeat(1000)) }, { name: "b.xml", data: Buffer.from("hello") }]);
    expect(checkZipExpansion(zip, 1 * MB)).toEqual({ ok: true });
  });

  it("refuses an archive that inflates past the ceiling, counting every entry together", () => {
    const zeros = Buffer.alloc(3 * MB);
    const bomb = zipOf([{ name: "x.bin", data: zeros }]);
    expect(bomb.length).toBeLessThan(10_000);
    expect(checkZipExpansion(bomb, 2 * MB)).toEqual({ ok: false, reason: "too-large" });
    const split = zipOf([{ name: "a.bin", data: Buffer.alloc(1.5 * MB) }, { name: "b.bin", data: Buffer.alloc(1.5 * MB) }]);
    expect(checkZipExpansion(split, 2 * MB)).toEqual({ ok: false, reason: "too-large" });
    expect(checkZipExpansion(split, 4 * MB)).toEqual({ ok: true });
  });

  it("measures by inflating, not by the sizes the archive declares", () => {
    const liar = zipOf([{ name: "x.bin", data: Buffer.alloc(3 * MB), declaredSize: 10 }]);
    expect(checkZipExpansion(liar, 2 * MB)).toEqual({ ok: false, reason: "too-large" });
  });

  it("calls a truncated or foreign file unreadable", () => {
    const zip = zipOf([{ name: "a.xml", data: Buffer.from("<a/>") }]);
    expect(checkZipExpansion(zip.subarray(0, zip.length - 5), MB)).toEqual({ ok: false, reason: "unreadable" });
    expect(checkZipExpansion(Buffer.from("PK\u0003\u0004 broken zip"), MB)).toEqual({ ok: false, reason: "unreadable" });
    const entryCut = Buffer.from(zip);
    entryCut.writeUInt32LE(0, 0); // the local header's signature gone
    expect(checkZipExpansion(entryCut, MB)).toEqual({ ok: false, reason: "unreadable" });
  });
});
