import { createElement as h, type ReactElement } from "react";
import { Writable } from "node:stream";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LocaleProvider, useT } from "~/components/i18n";
import { StaticMarkup, StaticMarkupContext } from "~/components/static-markup";
import type { Locale } from "~/domain/enums";
import { derivedOnce } from "~/utils/data-cache.server";
import { newMessageNotes, notingMessages, pageMessagesScript } from "~/utils/page-messages.server";
import { renderStaticMarkup } from "~/utils/static-markup.server";

// A part of a page rendered to HTML once per source object and language, and sent again
// as it is (app/components/static-markup.tsx): how often it renders, and what it keeps.

type Row = { id: string; title: string };

function Rows({ rows, onRender }: { rows: Row[]; onRender: () => void }) {
  onRender();
  const t = useT();
  return h(
    "ul",
    null,
    rows.map((r) => h("li", { key: r.id }, `${r.title} · ${t("item.draftBadge")}`)),
  );
}

/** The streaming render app/entry.server.tsx uses for documents (the part itself is a string render). */
function renderDocument(element: ReactElement): Promise<string> {
  return new Promise((resolve, reject) => {
    let html = "";
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        html += chunk.toString();
        done();
      },
      final(done) {
        resolve(html);
        done();
      },
    });
    const { pipe } = renderToPipeableStream(element, { onAllReady: () => pipe(sink), onShellError: reject, onError: reject });
  });
}

/** A page with one part, rendered as the server renders documents (with the renderer). */
function page(rows: Row[], locale: Locale, onRender: () => void, withRenderer = true): Promise<string> {
  const part: ReactElement = h(StaticMarkup<Row[]>, { name: "rows", source: rows, className: "rows", render: (source) => h(Rows, { rows: source, onRender }) });
  const tree = h(LocaleProvider, { value: locale }, h("main", null, part));
  return withRenderer ? renderDocument(h(StaticMarkupContext.Provider, { value: renderStaticMarkup }, tree)) : Promise.resolve(renderToString(tree));
}

const text = (html: string) => html.replace(/<!-- -->/g, "").replace(/ data-markup="[^"]*"/g, "");

describe("a part rendered once", () => {
  it("renders once per source and language, and sends the same HTML again", async () => {
    let renders = 0;
    const counted = () => void (renders += 1);
    const rows = [{ id: "a", title: "Kajian <air> & sanitasi" }];

    const first = await page(rows, "id", counted);
    expect(renders).toBe(1);
    // escaped as React escapes it, inside the part's own element
    expect(text(first)).toBe('<main><div class="rows"><ul><li>Kajian &lt;air&gt; &amp; sanitasi · Draf</li></ul></div></main>');
    expect(await page(rows, "id", counted)).toBe(first);
    expect(renders).toBe(1);

    // another language, another source object (the data changed): rendered again
    expect(text(await page(rows, "en", counted))).toContain("Kajian &lt;air&gt; &amp; sanitasi · Draft");
    expect(renders).toBe(2);
    const changed = [{ id: "a", title: "Kajian air bersih" }];
    expect(text(await page(changed, "id", counted))).toContain("Kajian air bersih · Draf");
    expect(renders).toBe(3);
    // and each of those is kept too
    await page(rows, "en", counted);
    await page(changed, "id", counted);
    expect(renders).toBe(3);
  });

  it("notes the strings it used for every page that sends it, rendered or kept", async () => {
    const rows = [{ id: "b", title: "Pelatihan guru SMK" }];
    const pages = [newMessageNotes(), newMessageNotes()];
    let renders = 0;
    for (const notes of pages) await notingMessages(notes, () => page(rows, "id", () => void (renders += 1)));
    expect(renders).toBe(1);
    for (const notes of pages) expect(pageMessagesScript(notes)).toContain('"item.draftBadge":"Draf"');
  });

  it("without the server's renderer (a test's render, a browser's navigation) renders itself every time", async () => {
    let renders = 0;
    const rows = [{ id: "c", title: "Pemetaan UMKM" }];
    const html = await page(rows, "id", () => void (renders += 1), false);
    await page(rows, "id", () => void (renders += 1), false);
    expect(renders).toBe(2);
    expect(text(html)).toBe('<main><div class="rows"><ul><li>Pemetaan UMKM · Draf</li></ul></div></main>');
  });
});

describe("derivedOnce", () => {
  it("gives the same object for the same source and key, and computes again for another source", () => {
    const source = { updates: [1, 2, 3, 4] };
    let computed = 0;
    const firstTwo = () => {
      computed += 1;
      return source.updates.slice(0, 2);
    };
    const a = derivedOnce(source, "first-two", firstTwo);
    expect(derivedOnce(source, "first-two", firstTwo)).toBe(a);
    expect(a).toEqual([1, 2]);
    expect(computed).toBe(1);
    // another key on the same source, and the same key on another source
    expect(derivedOnce(source, "first-three", () => source.updates.slice(0, 3))).toEqual([1, 2, 3]);
    const other = { updates: [9] };
    expect(derivedOnce(other, "first-two", () => other.updates.slice(0, 2))).toEqual([9]);
    expect(derivedOnce(source, "first-two", firstTwo)).toBe(a);
    expect(computed).toBe(1);
  });
});
