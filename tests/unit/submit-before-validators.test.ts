// @vitest-environment happy-dom
import { getFormProps, getInputProps } from "@conform-to/react";
import { act, createElement } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, expect, test, vi } from "vitest";

// A submission made before the form's schemas have arrived waits for them, then is validated in the
// browser like any other: refused with its errors shown and nothing sent, or, valid, submitted once.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Fresh modules: the schemas not loaded yet (or, `offline`, never loadable). */
async function mountLoginForm(onValid: () => void, { offline = false } = {}) {
  vi.resetModules();
  vi.doUnmock("~/domain/schemas/forms");
  if (offline) {
    vi.doMock("~/domain/schemas/forms", () => {
      throw new TypeError("Failed to fetch dynamically imported module");
    });
  }
  const { useValidatedForm, loadValidators } = await import("~/components/use-lazy-validation");
  const { loginForm } = await import("~/domain/schemas/constraints/login.generated");
  function LoginForm() {
    const [form, fields] = useValidatedForm(loginForm, {
      id: "login-probe",
      shouldValidate: "onSubmit",
      onSubmit(event) {
        event.preventDefault(); // what Remix's <Form> does with a valid submission: sends it itself
        onValid();
      },
    });
    return createElement(
      "form",
      getFormProps(form),
      createElement("input", getInputProps(fields.email, { type: "email" })),
      createElement("input", getInputProps(fields.password, { type: "password" })),
      createElement("p", { id: "errors" }, Object.keys(form.allErrors).sort().join(",")),
      createElement("button", { type: "submit", name: "intent", value: "sign-in" }, "Masuk"),
    );
  }
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(createElement(LoginForm)));
  const form = container.querySelector("form")!;
  return { root, form, loadValidators, errors: () => container.querySelector("#errors")!.textContent };
}

function fillIn(form: HTMLFormElement) {
  (form.elements.namedItem("email") as HTMLInputElement).value = "liaison@demo.test";
  (form.elements.namedItem("password") as HTMLInputElement).value = "kolaborasi2025";
}

afterEach(() => {
  document.body.innerHTML = "";
});

test("an empty form submitted before the schemas is refused in the browser once they arrive", async () => {
  const onValid = vi.fn();
  const { root, form, loadValidators, errors } = await mountLoginForm(onValid);
  await act(async () => form.requestSubmit(form.querySelector("button")));
  expect(errors()).toBe(""); // neither refused nor sent while the schemas are on their way

  await act(async () => {
    await loadValidators();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  expect(errors()).toBe("email,password");
  expect(onValid).not.toHaveBeenCalled();
  await act(async () => root.unmount());
});

test("a valid form tapped twice before the schemas is submitted once, by the button tapped", async () => {
  const onValid = vi.fn();
  const { root, form, loadValidators, errors } = await mountLoginForm(onValid);
  fillIn(form);
  const button = form.querySelector("button")!;
  const submitters: (string | null)[] = [];
  form.addEventListener("submit", (event) => submitters.push((event as SubmitEvent).submitter?.getAttribute("value") ?? null));
  await act(async () => {
    form.requestSubmit(button);
    form.requestSubmit(button);
  });
  expect(onValid).not.toHaveBeenCalled();

  await act(async () => {
    await loadValidators();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  expect(onValid).toHaveBeenCalledTimes(1);
  expect(errors()).toBe("");
  expect(submitters).toEqual(["sign-in"]); // the held taps never reached the form; the one sent again did
  await act(async () => root.unmount());
});

test("when the schemas cannot be loaded, the submission goes on to the server, which validates it", async () => {
  const onValid = vi.fn();
  const { root, form, errors } = await mountLoginForm(onValid, { offline: true });
  await act(async () => {
    form.requestSubmit(form.querySelector("button"));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  // Conform let it through unvalidated (no error of its own), as before the schemas existed
  expect(onValid).toHaveBeenCalledTimes(1);
  expect(errors()).toBe("");
  expect(form.hasAttribute("aria-busy")).toBe(false);
  await act(async () => root.unmount());
});

test("a submission still waiting when its form goes is dropped", async () => {
  const onValid = vi.fn();
  const { root, form, loadValidators } = await mountLoginForm(onValid);
  fillIn(form);
  await act(async () => form.requestSubmit(form.querySelector("button")));
  expect(form.getAttribute("aria-busy")).toBe("true"); // waiting, and says so
  await act(async () => root.unmount());
  await loadValidators();
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(onValid).not.toHaveBeenCalled();
});
