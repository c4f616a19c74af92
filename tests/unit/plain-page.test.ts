// @vitest-environment happy-dom
import { readFileSync } from "node:fs";
import path from "node:path";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { PrintButton } from "~/components/briefing-print";
import { ProgressWarning } from "~/components/progress-warning";
import { messages } from "~/domain/dictionary-id";
import { provideMessages } from "~/domain/i18n";
import { progressChangeWarning } from "~/domain/progress-change";
import { PENDING_ATTRIBUTE, SEND_PATIENCE_MS, enhancePlainPage, showPrintButtons } from "~/utils/plain-page";
import { PLAIN_PAGE_SCRIPT } from "~/utils/plain-page-script.generated.server";
import { GENERATED_FILE, REGENERATE_COMMAND, renderPlainPageModule } from "../../scripts/generate-plain-page-script";

// The one script of a page sent without React (app/utils/plain-page.ts), run as the page runs it: the
// generated string, in a document holding the markup the components render.

test("the generated script is what the generator writes today", () => {
  const onDisk = readFileSync(path.resolve(__dirname, "../..", GENERATED_FILE), "utf8");
  expect(onDisk, `${GENERATED_FILE} is stale: run \`${REGENERATE_COMMAND}\``).toBe(renderPlainPageModule());
});

/** What reached the window after the page's script: was each submission stopped? (none goes further) */
const outcomes: boolean[] = [];

beforeAll(() => {
  provideMessages("id", messages);
  new Function(PLAIN_PAGE_SCRIPT)();
  window.addEventListener("submit", (event) => {
    outcomes.push(event.defaultPrevented);
    event.preventDefault();
  });
});

beforeEach(() => {
  outcomes.length = 0;
  document.body.innerHTML = [
    `<form method="post" id="report"><input name="progress" type="number" value="50">`,
    renderToStaticMarkup(h(ProgressWarning, { previous: 50, value: "50" })),
    `<button type="submit" ${PENDING_ATTRIBUTE}="Menyimpan…">Kirim</button></form>`,
    `<form method="get" id="filter"><button type="submit">Terapkan</button></form>`,
  ].join("");
});

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;

function type(value: string) {
  const field = $<HTMLInputElement>("#report input[name=progress]");
  field.value = value;
  field.dispatchEvent(new Event("input", { bubbles: true }));
}

describe("a progress figure typed on a page without React", () => {
  test("a drop and a sharp jump are pointed out with the figure typed; anything else says nothing", () => {
    const warning = $("[data-testid=progress-warning]");
    expect(warning.textContent).toBe("");
    type("40");
    expect(warning.textContent).toBe("Kemajuan turun dari 50 % menjadi 40 %. Pastikan angkanya benar (tetap bisa dikirim).");
    type("60");
    expect(warning.textContent).toBe("");
    type("85");
    expect(warning.textContent).toBe("Kemajuan naik tajam dari 50 % menjadi 85 %. Pastikan angkanya benar (tetap bisa dikirim).");
    type("");
    expect(warning.textContent).toBe("");
    type("4,5");
    expect(warning.textContent).toBe("");
  });

  test("it says what the domain rule says, for every figure from 0 to 100", () => {
    const warning = $("[data-testid=progress-warning]");
    for (let typed = 0; typed <= 100; typed += 1) {
      type(String(typed));
      const kind = progressChangeWarning(50, typed);
      const said = warning.textContent === "" ? null : warning.textContent!.startsWith("Kemajuan turun") ? "drop" : "jump";
      expect(said, `typed ${typed}`).toBe(kind);
    }
  });

  test("each figure has its own warning when a form holds several (the check-in's rows)", () => {
    document.body.innerHTML = [
      `<form method="post">`,
      `<input name="rows[0].progress" value="50">`,
      renderToStaticMarkup(h(ProgressWarning, { previous: 50, value: "50" })),
      `<input name="rows[1].progress" value="20">`,
      renderToStaticMarkup(h(ProgressWarning, { previous: 20, value: "20" })),
      `</form>`,
    ].join("");
    const [first, second] = [...document.querySelectorAll<HTMLInputElement>("input")];
    const [firstWarning, secondWarning] = [...document.querySelectorAll("[data-testid=progress-warning]")];
    second!.value = "60";
    second!.dispatchEvent(new Event("input", { bubbles: true }));
    expect(firstWarning!.textContent).toBe("");
    expect(secondWarning!.textContent).toBe("Kemajuan naik tajam dari 20 % menjadi 60 %. Pastikan angkanya benar (tetap bisa dikirim).");
    first!.value = "10";
    first!.dispatchEvent(new Event("input", { bubbles: true }));
    expect(firstWarning!.textContent).toBe("Kemajuan turun dari 50 % menjadi 10 %. Pastikan angkanya benar (tetap bisa dikirim).");
    expect(secondWarning!.textContent).toContain("menjadi 60 %");
  });

  test("the component renders the same message the script writes", () => {
    type("10");
    const scripted = $("[data-testid=progress-warning]").textContent;
    const rendered = renderToStaticMarkup(h(ProgressWarning, { previous: 50, value: "10" }));
    expect(rendered).toContain(`>${scripted}</p>`);
  });
});

describe("a form posted on a page without React", () => {
  test("posts once: the first submission goes, says so on its button, and a second is stopped", () => {
    const button = $<HTMLButtonElement>("#report button");
    button.click();
    expect(button.textContent).toBe("Menyimpan…");
    expect(button.getAttribute("aria-disabled")).toBe("true");
    // still enabled: a disabled button would drop its own name and value from the post
    expect(button.disabled).toBe(false);
    expect($("#report").getAttribute("aria-busy")).toBe("true");
    button.click();
    expect(outcomes).toEqual([false, true]);
  });

  test("a search or filter form (GET) is never held", () => {
    const button = $<HTMLButtonElement>("#filter button");
    button.click();
    button.click();
    expect(outcomes).toEqual([false, false]);
    expect(button.textContent).toBe("Terapkan");
  });

  test("a submission that never comes back (a stalled upload, the user pressed stop) does not leave the form dead", () => {
    vi.useFakeTimers();
    try {
      const button = $<HTMLButtonElement>("#report button");
      button.click();
      vi.advanceTimersByTime(SEND_PATIENCE_MS - 1);
      button.click();
      vi.advanceTimersByTime(1);
      // a tap now sends again; the button still says the form is on its way
      button.click();
      expect(outcomes).toEqual([false, true, false]);
      expect(button.textContent).toBe("Menyimpan…");
    } finally {
      vi.useRealTimers();
    }
  });

  test("a page brought back from the browser's cache can be sent again", () => {
    const button = $<HTMLButtonElement>("#report button");
    button.click();
    // (happy-dom's PageTransitionEvent does not carry `persisted`)
    window.dispatchEvent(Object.assign(new Event("pageshow"), { persisted: true }));
    expect(button.textContent).toBe("Kirim");
    expect(button.hasAttribute("aria-disabled")).toBe(false);
    expect($("#report").hasAttribute("aria-busy")).toBe(false);
    button.click();
    expect(outcomes).toEqual([false, false]);
  });
});

describe("a page the server sent back with a form's errors", () => {
  // (enhancePlainPage runs on a document once, as the page's script does when its body is read)
  afterEach(() => {
    document.body.innerHTML = "";
  });

  test("opens on the first field in error when the form has no error summary", () => {
    document.body.innerHTML = `<form method="post"><textarea name="comment"></textarea><textarea name="body" aria-invalid="true"></textarea><button>Kirim</button></form>`;
    enhancePlainPage(document);
    expect(document.activeElement).toBe($('[name="body"]'));
  });

  test("leaves the focus to an error summary (it focuses itself: autofocus)", () => {
    document.body.innerHTML = `<form method="post"><div tabindex="-1" autofocus>Periksa</div><input name="progress" aria-invalid="true"><button>Kirim</button></form>`;
    enhancePlainPage(document);
    expect(document.activeElement).not.toBe($('[name="progress"]'));
  });
});


describe("the briefing's print button on a page without React", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  test("takes the place of the hint the server rendered, with React's label, and opens the print dialog", () => {
    document.body.innerHTML = renderToStaticMarkup(h(PrintButton));
    expect(document.body.textContent).toBe("Untuk mencetak, gunakan menu Cetak pada peramban (Ctrl+P).");
    const print = vi.spyOn(window, "print").mockImplementation(() => undefined);
    try {
      showPrintButtons(document);
      const buttons = document.querySelectorAll("button");
      expect(buttons).toHaveLength(1);
      expect(buttons[0]!.type).toBe("button");
      expect(buttons[0]!.textContent).toBe("Cetak");
      expect(document.body.textContent).toBe("Cetak");
      buttons[0]!.click();
      expect(print).toHaveBeenCalledTimes(1);
    } finally {
      print.mockRestore();
    }
  });

  test("a page without a print box is left as it is", () => {
    document.body.innerHTML = `<p>Ringkasan</p>`;
    showPrintButtons(document);
    expect(document.body.innerHTML).toBe("<p>Ringkasan</p>");
  });
});
