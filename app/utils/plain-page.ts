import { TYPED_PLACEHOLDER, progressChangeWarning, typedProgress } from "~/domain/progress-change";

// The one script of a page sent without React (a route's `handle = { hydrate: false }`, decision 004):
// such a page works as plain HTML, its forms posted by the browser and answered by the server with
// their errors beside the fields. What plain HTML cannot do, and a user must not lose, is here, in
// under a kilobyte (gzipped) inline in the document (app/root.tsx):
// - a form posts once: a second tap while the first submission is on its way is ignored (a progress
//   report sent twice would be two reports), and the button says the form is being sent;
// - a page the server sent back with a form's errors opens on them: on the error summary where the
//   form has one (its `autofocus`), else on the first field in error, which says what is wrong
//   (the page holds several forms, and a refused comment sits far below its top);
// - a progress figure that drops, or jumps sharply, is pointed out while it is typed, as on a
//   hydrated page (app/components/progress-warning.tsx);
// - a print button opens the browser's print dialog (the briefing: app/components/briefing-print.tsx).
// Bundled by `npx tsx scripts/generate-plain-page-script.ts` into plain-page-script.generated.server.ts
// (server-only: the browser bundles never carry it).

/** On a submit button: what it says while its form is being sent. */
export const PENDING_ATTRIBUTE = "data-pending";
/** On a form: it has been sent, and waits for the next page. */
const SENT_ATTRIBUTE = "data-sent";
/** On a progress warning: the item's current progress; `data-drop` and `data-jump` hold its two messages. */
export const WARNING_ATTRIBUTE = "data-progress-warning";

const LABEL_ATTRIBUTE = "data-label";

/** On the box a print button goes in: the button's label (its place holds a hint to use the browser's menu until then). */
export const PRINT_ATTRIBUTE = "data-print";

/**
 * How long a sent form refuses another submission. A stalled upload on a mobile network, or one
 * the user stopped, must not leave the form dead: after this a tap sends again (the button still
 * says the form is being sent). A post that reached the server is answered long before.
 */
export const SEND_PATIENCE_MS = 20_000;

/** Each sent form's release (a form sent again after the back button starts a new wait). */
const releases = new WeakMap<HTMLFormElement, ReturnType<typeof setTimeout>>();

function isPost(form: HTMLFormElement): boolean {
  return (form.getAttribute("method") ?? "get").toLowerCase() === "post";
}

/**
 * Marks a posted form as sent (its button saying so), or refuses a second submission of it. Every
 * POST of such a page leads to another page (a redirect, or the page again with its errors); a form
 * that answered with a download instead would stay sent until the page is loaded again.
 */
function onSubmit(event: SubmitEvent): void {
  const form = event.target as HTMLFormElement;
  if (event.defaultPrevented || !isPost(form)) return;
  if (form.hasAttribute(SENT_ATTRIBUTE)) {
    event.preventDefault();
    return;
  }
  form.setAttribute(SENT_ATTRIBUTE, "");
  form.setAttribute("aria-busy", "true");
  clearTimeout(releases.get(form));
  releases.set(form, setTimeout(() => form.removeAttribute(SENT_ATTRIBUTE), SEND_PATIENCE_MS));
  // the button stays enabled: a disabled submitter would drop its own name and value from the post
  const button = event.submitter;
  const pending = button?.getAttribute(PENDING_ATTRIBUTE);
  if (button && pending) {
    button.setAttribute(LABEL_ATTRIBUTE, button.textContent ?? "");
    button.textContent = pending;
    button.setAttribute("aria-disabled", "true");
  }
}

/** A page the browser brings back from its cache (the back button) is usable again. */
function reset(doc: Document): void {
  doc.querySelectorAll(`form[${SENT_ATTRIBUTE}]`).forEach((form) => {
    form.removeAttribute(SENT_ATTRIBUTE);
    form.removeAttribute("aria-busy");
  });
  doc.querySelectorAll(`[${LABEL_ATTRIBUTE}]`).forEach((button) => {
    button.textContent = button.getAttribute(LABEL_ATTRIBUTE);
    button.removeAttribute(LABEL_ATTRIBUTE);
    button.removeAttribute("aria-disabled");
  });
}

/** The progress warning of the form a progress field is in, said again for the figure typed. */
function onInput(event: Event): void {
  const field = event.target as HTMLInputElement;
  if (field.name !== "progress" && !field.name?.endsWith(".progress")) return;
  // the warning of this field: the next one after it in the form (a check-in has one per row)
  const warnings = Array.from(field.form?.querySelectorAll<HTMLElement>(`[${WARNING_ATTRIBUTE}]`) ?? []);
  const warning = warnings.find((element) => field.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
  if (!warning) return;
  const typed = typedProgress(field.value);
  const kind = progressChangeWarning(Number(warning.getAttribute(WARNING_ATTRIBUTE)), typed);
  warning.textContent = kind ? (warning.getAttribute(`data-${kind}`) ?? "").replace(TYPED_PLACEHOLDER, String(typed)) : "";
}

/** A page answered with a form's errors opens on them (an error summary focuses itself: `autofocus`). */
function focusFirstError(doc: Document): void {
  if (doc.querySelector("[autofocus]")) return;
  doc.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/** Each print box gets its button, in place of the hint that stood there (the same button React renders). */
export function showPrintButtons(doc: Document): void {
  doc.querySelectorAll(`[${PRINT_ATTRIBUTE}]`).forEach((box) => {
    const button = doc.createElement("button");
    button.type = "button";
    button.className = "btn";
    button.textContent = box.getAttribute(PRINT_ATTRIBUTE);
    button.addEventListener("click", () => doc.defaultView?.print());
    box.replaceChildren(button);
  });
}

/** Sets up the page's plain behaviour (once, when the document's body has been read). */
export function enhancePlainPage(doc: Document): void {
  focusFirstError(doc);
  showPrintButtons(doc);
  doc.addEventListener("submit", onSubmit);
  doc.addEventListener("input", onInput);
  doc.defaultView?.addEventListener("pageshow", (event) => {
    if (event.persisted) reset(doc);
  });
}
