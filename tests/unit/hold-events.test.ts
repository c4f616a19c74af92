// @vitest-environment happy-dom
import { expect, test } from "vitest";
import { DISCRETE_EVENTS, holdEventsUntil } from "~/utils/hold-events";

// Until the page's data is decoded, the events on which React would hydrate synchronously reach no
// listener added after the hold (React's); listeners added before it (the dictionary's) still run.

test("events are held from later listeners until ready, then the hold lets go of itself", () => {
  let ready = false;
  const seen: string[] = [];
  document.addEventListener("focusin", () => seen.push("before"), true);
  holdEventsUntil(document, () => ready);
  document.addEventListener("focusin", () => seen.push("after, capture"), true);
  document.addEventListener("focusin", () => seen.push("after, bubble"));
  const input = document.createElement("input");
  document.body.append(input);

  input.dispatchEvent(new Event("focusin", { bubbles: true }));
  expect(seen).toEqual(["before"]);

  ready = true;
  seen.length = 0;
  input.dispatchEvent(new Event("focusin", { bubbles: true }));
  expect(seen).toEqual(["before", "after, capture", "after, bubble"]);
});

test("typed text (Chromium's textInput), submissions and taps are among the held events", () => {
  for (const type of ["textInput", "input", "keydown", "submit", "click", "pointerdown", "touchstart", "focusin", "change"]) {
    expect(DISCRETE_EVENTS).toContain(type);
  }
});

test("a held submission is not cancelled: the browser still submits the form as plain HTML", () => {
  holdEventsUntil(document, () => false);
  const form = document.createElement("form");
  document.body.append(form);
  const event = new Event("submit", { bubbles: true, cancelable: true });
  form.dispatchEvent(event);
  expect(event.defaultPrevented).toBe(false);
});
