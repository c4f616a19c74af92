import { describe, expect, it } from "vitest";
import { dictionaries } from "~/domain/dictionary";
import { translator } from "~/domain/i18n";
import { newMessageNotes, notingMessages, pageMessagesScript } from "~/utils/page-messages.server";

// The server side of "the page's strings travel with the page": what a render translates is
// noted (also in the work it schedules), and only that goes into the document's JSON.

function parseScript(script: string): Record<string, Record<string, string>> {
  const match = /^<script type="application\/json" id="app-messages">(.*)<\/script>$/s.exec(script);
  expect(match, script).not.toBeNull();
  return JSON.parse(match![1]!) as Record<string, Record<string, string>>;
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

  it("cannot be closed by a text: every < is escaped", () => {
    const notes = newMessageNotes();
    // a message with "<" in it is rare; the escaping is checked on the JSON itself
    notingMessages(notes, () => translator("id")("pager.previous"));
    const script = pageMessagesScript(notes);
    expect(script.slice(0, -"</script>".length)).not.toMatch(/<\/|<!--/);
    expect(script.indexOf("<", 1)).toBe(script.length - "</script>".length);
  });

  it("writes an empty table for a render that translated nothing", () => {
    expect(parseScript(pageMessagesScript(newMessageNotes()))).toEqual({});
  });
});
