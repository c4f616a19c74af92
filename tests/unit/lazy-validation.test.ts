import { describe, expect, test } from "vitest";
import { loadValidators, submissionBeforeValidators } from "~/components/use-lazy-validation";
import { loginForm } from "~/domain/schemas/constraints/login.generated";

// What a form answers before the schemas (and Zod) have arrived, and after (issue #17).

const validateIntent = (name: string) => JSON.stringify({ type: "validate", payload: { name } });

type Answer = ReturnType<typeof submissionBeforeValidators>["submission"];
const errorOf = (submission: Answer) => (submission.status === "success" ? "success" : submission.error);

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
}

describe("before the schemas are loaded", () => {
  test("a submission goes to the server: no error of its own (null), so Conform neither reports nor stops it", () => {
    const { submission, validated } = submissionBeforeValidators(form({ email: "", password: "" }), { email: ["form.required"] });
    expect(submission.status).toBe("error");
    expect(errorOf(submission)).toBeNull();
    expect(validated).toBeNull();
  });

  test("a blur's validation keeps every error shown (null keeps it) and names the field to validate later", () => {
    const { submission, validated } = submissionBeforeValidators(
      form({ email: "", password: "x", __intent__: validateIntent("email") }),
      { password: ["form.required"], "": ["login.failed"] },
    );
    expect(validated).toBe("email");
    expect(submission.status).toBeUndefined();
    expect(errorOf(submission)).toEqual({ password: null, "": null });
    // what Conform reports: the intent, with errors to keep and none added
    const reply = submission.reply();
    expect(reply.intent).toEqual({ type: "validate", payload: { name: "email" } });
    expect(reply.error).toEqual({ password: null, "": null });
  });

  test("another intent (a list's insert) is handled in the browser too, and asks for no later validation", () => {
    const insert = JSON.stringify({ type: "insert", payload: { name: "rows" } });
    const { submission, validated } = submissionBeforeValidators(form({ __intent__: insert }), {});
    expect(validated).toBeNull();
    expect(errorOf(submission)).toEqual({});
  });
});

describe("once loaded", () => {
  test("validation is today's parseWithZod with the form's schema, with the same messages", async () => {
    const validators = await loadValidators();
    const blurred = validators.validateForm(loginForm.form, [], form({ email: "", password: "", __intent__: validateIntent("email") }));
    expect(blurred.status === "success" ? null : blurred.error).toMatchObject({ email: ["form.required"] });
    const ok = validators.validateForm(loginForm.form, [], form({ email: "Admin@Demo.test", password: "secret" }));
    expect(ok.status).toBe("success");
    expect(ok.status === "success" ? ok.value.email : null).toBe("admin@demo.test");
    // one module, loaded once
    expect(await loadValidators()).toBe(validators);
  });
});
