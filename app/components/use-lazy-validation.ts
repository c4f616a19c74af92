import { parse, useForm, type Submission } from "@conform-to/react";
import { useEffect, useRef } from "react";
import type { z } from "zod";
import type { FormArgs, FormKey, FormSchemas } from "~/domain/schemas/forms";
import { loadOnce } from "~/utils/load-once";

// Browser validation without Zod in the page's first load (issue #17, decision 004). A form renders
// its HTML constraints from app/domain/schemas/constraints/<form>.generated.ts; the schemas (and Zod)
// arrive in one chunk of their own when the user first focuses or presses anything in a form. Until then
// a blur validates nothing (and is replayed once the chunk is here), and a submission waits for the
// chunk and is then validated in the browser like any other (offline, it goes to the server, which
// validates every submission anyway). Once loaded, onValidate is today's parseWithZod.

/** How long a submission waits for the schemas before the server validates it instead. */
const SUBMIT_PATIENCE_MS = 2_000;

/** The name of the button Conform submits its intents (validate, insert, remove …) with. */
const CONFORM_INTENT = "__intent__";

type Validators = typeof import("~/domain/schemas/forms");

let validators: Validators | null = null;

/** Loads the schemas once; a failed load (offline) may be tried again on the next interaction. */
export const loadValidators = loadOnce(() => import("~/domain/schemas/forms").then((module) => (validators = module)));

/**
 * What onValidate answers before the schemas are here. A submission (no Conform intent) has
 * `error: null`: Conform reports nothing and lets it go to the server, whose reply shows the errors.
 * An intent (a blur's "validate", a list's insert/remove …) is handled in the browser with every
 * error shown now kept as it is (`null` keeps a field's error in Conform's report); `validated` names
 * the field a blur asked about, to be validated again once the schemas arrive.
 */
export function submissionBeforeValidators(
  formData: FormData,
  shownErrors: Record<string, unknown>,
): { submission: Submission<Record<string, unknown>>; validated: string | null } {
  let validated: string | null = null;
  const submission = parse<Record<string, unknown>, string[]>(formData, {
    resolve(_payload, intent) {
      if (!intent) return { error: null };
      if (intent.type === "validate") validated = intent.payload.name ?? "";
      return { error: Object.fromEntries(Object.keys(shownErrors).map((name) => [name, null])) };
    },
  });
  return { submission, validated };
}

type Schema<K extends FormKey> = ReturnType<FormSchemas[K]>;
type Options<K extends FormKey> = Omit<Parameters<typeof useForm<z.input<Schema<K>>, z.output<Schema<K>>>>[0], "onValidate">;

/**
 * Conform's useForm for one of the forms of app/domain/schemas/forms.ts: `spec` is its export from
 * constraints/<form>.generated.ts (`<form>Form`: name and constraints), `args` what its schema depends on.
 * `options.constraint`, when given, replaces the generated constraints (they depend on `args`).
 * The form's id (its fields' ids derive from it) is `options.id`, else the form's name: a page with two
 * forms of one kind gives each an id. Never React's useId: the server renders with React and the
 * browser hydrates with Preact, whose ids differ (docs/decisions/012-preact-in-the-browser.md).
 */
export function useValidatedForm<K extends FormKey>(
  spec: { form: K; constraint: NonNullable<Options<K>["constraint"]> },
  options: Options<K>,
  ...args: FormArgs<K>
) {
  const id = options.id ?? spec.form;
  const latestArgs = useRef(args);
  latestArgs.current = args;
  const pending = useRef(new Set<string>());
  const latest = useRef<{ allErrors: Record<string, unknown>; validate: (options: { name: string }) => void } | null>(null);

  const [form, fields] = useForm<z.input<Schema<K>>, z.output<Schema<K>>>({
    ...options,
    id,
    constraint: options.constraint ?? spec.constraint,
    onValidate: ({ formData }) => {
      if (validators) return validators.validateForm(spec.form, latestArgs.current, formData) as never;
      const { submission, validated } = submissionBeforeValidators(formData, latest.current?.allErrors ?? {});
      if (validated !== null) pending.current.add(validated);
      void loadValidators().then(replay, () => undefined);
      return submission as never;
    },
  });
  latest.current = form;
  keepErrorsSubscribed(form);

  // the blurs that came before the schemas, validated now as they would have been then
  function replay() {
    const names = [...pending.current];
    pending.current.clear();
    if (!document.forms.namedItem(id)) return;
    for (const name of names) latest.current?.validate({ name });
  }

  useEffect(() => {
    if (validators) return;
    const start = (event: Event) => {
      const target = event.target;
      const owner = target instanceof Element ? ((target as HTMLInputElement).form ?? target.closest("form")) : null;
      if (owner?.id !== id) return;
      stop();
      void loadValidators().then(replay, () => undefined);
    };
    const stop = () => {
      document.removeEventListener("focusin", start, true);
      document.removeEventListener("pointerdown", start, true);
    };
    document.addEventListener("focusin", start, true);
    document.addEventListener("pointerdown", start, true);
    return stop;
    // `replay` reads refs only: the listeners depend on the form's id alone
  }, [id]);

  // A submission before the schemas waits for them (they began loading at the form's first focus or
  // tap, so it is a moment), then is submitted again, by the same button, and validated here. It used
  // to go to the server instead, which refuses it just as well but never sends passwords back: a
  // refused password change came back with its fields empty. If they are not here within
  // SUBMIT_PATIENCE_MS (a slow or broken connection), it goes to the server as before. While it
  // waits the form is aria-busy; it is dropped if the form goes or the page changes meanwhile.
  useEffect(() => {
    let held: { element: HTMLFormElement; href: string } | null = null; // the form waiting, and the path and query it was sent from
    let letThrough = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const release = () => {
      clearTimeout(timer);
      held?.element.removeAttribute("aria-busy");
      held = null;
    };
    const onSubmit = (event: SubmitEvent) => {
      const element = event.target;
      if (validators || letThrough || event.defaultPrevented || !(element instanceof HTMLFormElement) || element.id !== id) return;
      if (typeof element.requestSubmit !== "function") return; // an old browser: the server validates, as before
      const submitter = event.submitter;
      if (submitter?.getAttribute("name") === CONFORM_INTENT) return; // Conform's own, answered without the schemas
      // before React's listeners (they answer in the bubbling phase): neither Conform nor Remix sees it
      event.preventDefault();
      event.stopImmediatePropagation();
      if (held) return; // a second tap while waiting: the first one is submitted
      held = { element, href: location.pathname + location.search };
      element.setAttribute("aria-busy", "true");
      const patience = new Promise<never>((_, reject) => (timer = setTimeout(reject, SUBMIT_PATIENCE_MS)));
      const again = (toServer: boolean) => {
        const submission = held;
        release();
        // not if the form has gone, the page has changed, or the button tapped is no longer the form's
        if (!submission || !element.isConnected || location.pathname + location.search !== submission.href) return;
        if (submitter && (submitter as HTMLButtonElement).form !== element) return;
        letThrough = toServer;
        try {
          if (submitter) element.requestSubmit(submitter);
          else element.requestSubmit();
        } finally {
          letThrough = false;
        }
      };
      Promise.race([loadValidators(), patience]).then(
        () => again(false),
        () => again(true),
      );
    };
    document.addEventListener("submit", onSubmit, true);
    return () => {
      document.removeEventListener("submit", onSubmit, true);
      release(); // a submission still waiting is dropped with the form (or its id) it came from
    };
  }, [id]);

  return [form, fields] as const;
}

/**
 * Conform re-renders the component holding a form only for the parts of the form's state its last
 * render read, the reads of its children (through `form` and `fields`) included, and it forgets them
 * whenever that component renders again. React may render the component and leave its children
 * unrendered: a transition's render (the router's, after hydration) that a tap interrupts. The next
 * refused submission then reported its errors to no one: nothing showed, and the submit seemed dead
 * until the user typed. Reading every error and the submission's status here, in the component's own
 * render, keeps it re-rendered whenever they change, whatever its children last read. (Other parts of
 * the state read by children alone, such as a field's value, are not covered: the components holding
 * forms read the values they show themselves, and list changes go through intents, always watched.)
 */
function keepErrorsSubscribed(form: { allErrors: unknown; status?: unknown }): void {
  void form.allErrors;
  void form.status;
}
