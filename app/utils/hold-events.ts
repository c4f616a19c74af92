/**
 * The events on which React hydrates synchronously what it has not hydrated yet: its "discrete"
 * events, in react-dom 18's order (getEventPriority). Chromium's `textInput`, fired for typed text
 * before `input`, is one of them.
 */
export const DISCRETE_EVENTS = [
  "cancel",
  "click",
  "close",
  "contextmenu",
  "copy",
  "cut",
  "auxclick",
  "dblclick",
  "dragend",
  "dragstart",
  "drop",
  "focusin",
  "focusout",
  "input",
  "invalid",
  "keydown",
  "keypress",
  "keyup",
  "mousedown",
  "mouseup",
  "paste",
  "pause",
  "play",
  "pointercancel",
  "pointerdown",
  "pointerup",
  "ratechange",
  "reset",
  "resize",
  "seeked",
  "submit",
  "touchcancel",
  "touchend",
  "touchstart",
  "volumechange",
  "change",
  "selectionchange",
  "textInput",
  "compositionstart",
  "compositionend",
  "compositionupdate",
  "beforeinput",
  "blur",
  "fullscreenchange",
  "focus",
  "hashchange",
  "popstate",
  "select",
  "selectstart",
] as const;

/**
 * Until `ready()`, the document's discrete events stop at the document in the capture phase: they
 * reach neither the listeners added to the document after this call (React's) nor any on the page's
 * elements or in the bubbling phase. The browser still does what plain HTML does (a field takes the
 * typed text, a link or a form navigates). Listeners added to the document before this call (the
 * dictionary's first-use ones) and the window's capturing ones still run. The first event after
 * `ready()` removes the hold.
 */
export function holdEventsUntil(document: Document, ready: () => boolean): void {
  const hold = (event: Event) => {
    if (!ready()) {
      event.stopImmediatePropagation();
      return;
    }
    for (const type of DISCRETE_EVENTS) document.removeEventListener(type, hold, true);
  };
  for (const type of DISCRETE_EVENTS) document.addEventListener(type, hold, true);
}
