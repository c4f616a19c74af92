import { describe, expect, it } from "vitest";
import { dictionaries } from "~/domain/dictionary";
import { isMessageKey, translator } from "~/domain/i18n";
import { jsonInScript, newMessageNotes, notingMessages, pageMessagesScript } from "~/utils/page-messages.server";

// The server side of "the page's strings travel with the page": what a render translates is
// noted (also in the work it schedules), and only that goes into the document's JSON.

function parsePage(script: string): { strings: Record<string, Record<string, string>>; absent: string[] } {
  const match = /^<script type="application\/json" id="app-messages">(.*)<\/script>$/s.exec(script);
  expect(match, script).not.toBeNull();
  return JSON.parse(match![1]!) as { strings: Record<string, Record<string, string>>; absent: string[] };
}

function parseScript(script: string): Record<string, Record<string, string>> {
  return parsePage(script).strings;
}

describe("the strings a page renders", () => {
  it("notes the keys translated inside the render, in each language, and their texts as written", async () => {
    const notes = newMessageNotes();
    await notingMessages(notes, async () => {
      translator("id")("login.title");
      await new Promise((resolve) => setImmediate(resolve));
      // later work of the same render (React schedules it) is still noted
      translator("en")("login.rateLimited", { minutes: 12 });
      translator("id")("login.title");
    });
    translator("id")("nav.dashboard"); // outside any render: not noted
    const tables = parseScript(pageMessagesScript(notes));
    expect(tables).toEqual({
      id: { "login.title": "Masuk" },
      en: { "login.rateLimited": dictionaries.en["login.rateLimited"] },
    });
    // as written: the browser's translator fills the parameters (and chooses the plural)
    expect(tables.en!["login.rateLimited"]).toContain("{minutes, plural,");
  });

  it("keeps two renders' notes apart", async () => {
    const a = newMessageNotes();
    const b = newMessageNotes();
    await Promise.all([
      notingMessages(a, async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        translator("id")("nav.dashboard");
      }),
      notingMessages(b, async () => {
        translator("id")("nav.campuses");
        await new Promise((resolve) => setTimeout(resolve, 1));
      }),
    ]);
    expect(Object.keys(parseScript(pageMessagesScript(a)).id!)).toEqual(["nav.dashboard"]);
    expect(Object.keys(parseScript(pageMessagesScript(b)).id!)).toEqual(["nav.campuses"]);
  });

  it("cannot be closed by a text: every < is escaped, and the JSON reads back the same", () => {
    const text = 'a </script><script>alert(1)</script> <!-- b';
    const json = jsonInScript({ strings: { id: { "x.y": text } } });
    expect(json).not.toMatch(/<\/script|<!--|</);
    expect(JSON.parse(json)).toEqual({ strings: { id: { "x.y": text } } });
    // the page's script is made with it
    const script = pageMessagesScript(newMessageNotes());
    expect(script.indexOf("<", 1)).toBe(script.length - "</script>".length);
  });

  it("writes an empty table for a render that translated nothing", () => {
    expect(parsePage(pageMessagesScript(newMessageNotes()))).toEqual({ strings: {}, absent: [] });
  });

  it("notes the texts the render found not to be keys, so the browser answers the same", () => {
    const notes = newMessageNotes();
    notingMessages(notes, () => {
      expect(isMessageKey("audit.field.progress-bar-colour")).toBe(false);
      expect(isMessageKey("login.title")).toBe(true);
    });
    expect(parsePage(pageMessagesScript(notes)).absent).toEqual(["audit.field.progress-bar-colour"]);
  });
});
