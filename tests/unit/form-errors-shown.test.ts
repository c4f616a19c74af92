// @vitest-environment happy-dom
import { getFormProps, getInputProps } from "@conform-to/react";
import { act, createElement, memo, useState } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, expect, test } from "vitest";
import { loadValidators, useValidatedForm } from "~/components/use-lazy-validation";
import { loginForm } from "~/domain/schemas/constraints/login.generated";

// A refused submission's errors reach the component that holds the form, whatever its children last
// read. Conform re-renders that component only for what its last render read, its children's reads
// included, and forgets them when it renders again. If React then leaves the children unrendered (here
// they are memoised; in the app, a router transition's render that a tap interrupted), a submission's
// errors went unreported: nothing showed and the submit button seemed dead (e2e check-in, unit admin).

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let renders = 0;
let rerender: () => void = () => undefined;
let latest: Form[0] | null = null;

type Form = ReturnType<typeof useValidatedForm<"login">>;

/** The fields and their errors, read once: it never renders again. */
const Fields = memo(
  ({ form, fields }: { form: Form[0]; fields: Form[1] }) =>
    createElement(
      "div",
      null,
      createElement("input", getInputProps(fields.email, { type: "email" })),
      createElement("input", getInputProps(fields.password, { type: "password" })),
      createElement("p", null, Object.keys(form.allErrors).join(",")),
    ),
  () => true,
);

function LoginProbe() {
  renders++;
  const [, setTick] = useState(0);
  rerender = () => setTick((tick) => tick + 1);
  const [form, fields] = useValidatedForm(loginForm, { id: "probe", shouldValidate: "onSubmit" });
  latest = form;
  return createElement(
    "form",
    getFormProps(form),
    createElement(Fields, { form, fields }),
  );
}

afterEach(() => {
  document.body.innerHTML = "";
});

test("a refused submission re-renders the form's component after a render its children skipped", async () => {
  await loadValidators(); // validation in the browser, as once a form has been touched
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(createElement(LoginProbe)));
  await act(async () => rerender()); // the form's component renders, its children do not
  const before = renders;

  const form = container.querySelector("form")!;
  await act(async () => void form.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true })));

  // Conform refused the empty form (its state, read live, says so either way) ...
  expect(Object.keys(latest!.allErrors).sort()).toEqual(["email", "password"]);
  // ... and the component holding it rendered again, so the refusal is on the screen
  expect(renders).toBeGreaterThan(before);
  await act(async () => root.unmount());
});
