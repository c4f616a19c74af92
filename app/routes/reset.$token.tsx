import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorList, ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { useT } from "~/components/i18n";
import { resetPasswordSchema } from "~/domain/schemas/all.server";
import { consumePasswordReset, findValidReset } from "~/models/user.server";
import { clientIp } from "~/utils/auth.server";
import { formAction } from "~/utils/form-action.server";
import { parseForm } from "~/utils/parse-form.server";
import { readFormData } from "~/utils/request-body.server";
import { redirectWithToast } from "~/utils/session.server";
import { resetPasswordForm } from "~/domain/schemas/constraints/reset-password.generated";
import { useValidatedForm } from "~/components/use-lazy-validation";

export const meta: MetaFunction = () => [
  { title: "Atur ulang kata sandi · Kolaborasi Banten" },
  // the token is in the URL: keep it out of search engines and out of Referer headers
  { name: "robots", content: "noindex" },
  // the token stays out of other sites' Referer, while the form post keeps its Origin (a
  // "no-referrer" page posts with Origin: null, which the origin check must refuse)
  { name: "referrer", content: "same-origin" },
];

// 410 Gone: the link existed or may have, and will not work (used, expired, wrong).
const invalid = () => json({ valid: false as const, email: null, result: null }, { status: 410 });

export async function loader({ params }: LoaderFunctionArgs) {
  const reset = await findValidReset(params.token ?? "");
  if (!reset) return invalid();
  return json({ valid: true as const, email: reset.user.email });
}

export function action(args: ActionFunctionArgs) {
  return formAction(args, async ({ request, params, context }) => {
    const token = params.token ?? "";
    if (!(await findValidReset(token))) return invalid();
    const submission = parseForm(await readFormData(request), resetPasswordSchema);
    if (submission.status !== "success") {
      return json(
        { valid: true as const, email: null, result: submission.reply({ hideFields: ["newPassword", "confirmPassword"] }) },
        { status: 400 },
      );
    }
    // consumePasswordReset is the authority: a concurrent use of the same link loses here
    if (!(await consumePasswordReset(token, submission.value.newPassword, clientIp(context)))) return invalid();
    return redirectWithToast(request, "/login", { type: "success", key: "reset.done" });
  });
}

export default function ResetPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useValidatedForm(resetPasswordForm, {
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
  });
  const valid = data.valid && actionData?.valid !== false;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">{t("reset.title")}</h1>
      {valid ? (
        <Form method="post" className="card mt-4 space-y-4" {...getFormProps(form)}>
          <p className="text-slate-700">{t("reset.intro", { email: data.email ?? "" })}</p>
          <ErrorSummary form={form} labelFor={(name) => ({ newPassword: t("account.newPassword"), confirmPassword: t("account.confirmPassword") })[name]} />
          <ErrorList id={form.errorId} errors={form.errors} />
          <TextField label={t("account.newPassword")} field={fields.newPassword} type="password" autoComplete="new-password" />
          <TextField
            label={t("account.confirmPassword")}
            field={fields.confirmPassword}
            type="password"
            autoComplete="new-password"
          />
          <SubmitButton>{t("reset.submit")}</SubmitButton>
        </Form>
      ) : (
        <p role="alert" className="card mt-4" data-testid="reset-invalid">
          {t("reset.invalid")}
        </p>
      )}
    </div>
  );
}
