import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { ErrorList, SubmitButton, TextField } from "~/components/forms";
import { useT } from "~/components/i18n";
import { changePasswordSchema } from "~/domain/schemas/auth";
import { listCampuses } from "~/models/campus.server";
import { changePassword } from "~/models/user.server";
import { authorOf, getSessionId, requireUser } from "~/utils/auth.server";
import { formAction } from "~/utils/form-action.server";
import { parseForm } from "~/utils/parse-form.server";
import { readFormData } from "~/utils/request-body.server";
import { redirectWithToast } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Akun Saya · Kolaborasi Banten" }];

// passwords are never sent back to the browser, not even after a failed submission
const PASSWORD_FIELDS = ["currentPassword", "newPassword", "confirmPassword"];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const campuses = (await listCampuses()).filter((c) => user.campusIds.includes(c.id));
  return json({
    account: { name: user.name, email: user.email, role: user.role },
    campuses: campuses.map((c) => ({ id: c.id, slug: c.slug, name: c.name })),
  });
}

export function action(args: ActionFunctionArgs) {
  return formAction(args, async ({ request, context }) => {
    const user = await requireUser(request);
    const formData = await readFormData(request);
    const submission = parseForm(formData, changePasswordSchema);
    if (submission.status !== "success") {
      return json({ result: submission.reply({ hideFields: PASSWORD_FIELDS }) }, { status: 400 });
    }
    const sessionId = await getSessionId(request);
    const result = await changePassword(user.id, submission.value, sessionId ?? "", authorOf(user, context));
    if (!result.ok) {
      return json(
        {
          result: submission.reply({
            fieldErrors: { currentPassword: ["account.wrongPassword"] },
            hideFields: PASSWORD_FIELDS,
          }),
        },
        { status: 400 },
      );
    }
    return redirectWithToast(request, "/account", { type: "success", key: "account.passwordChanged" });
  });
}

export default function AccountPage() {
  const { account, campuses } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const t = useT();
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-bold">{t("account.title")}</h1>

      <section className="card mt-4" aria-labelledby="account-profile">
        <h2 id="account-profile" className="text-lg font-semibold">
          {t("account.profile")}
        </h2>
        <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]" data-testid="account-profile">
          <dt className="text-sm text-slate-600">{t("users.name")}</dt>
          <dd className="break-words">{account.name}</dd>
          <dt className="text-sm text-slate-600">{t("users.email")}</dt>
          <dd className="break-all">{account.email}</dd>
          <dt className="text-sm text-slate-600">{t("account.role")}</dt>
          <dd>{t(`role.${account.role}`)}</dd>
          <dt className="text-sm text-slate-600">{t("account.campuses")}</dt>
          <dd>
            {campuses.length ? (
              <ul>
                {campuses.map((c) => (
                  <li key={c.id}>{c.name}</li>
                ))}
              </ul>
            ) : (
              <span className="text-slate-600">{t("account.noCampus")}</span>
            )}
          </dd>
        </dl>
      </section>

      <section className="card mt-4" aria-labelledby="account-password">
        <h2 id="account-password" className="text-lg font-semibold">
          {t("account.changePassword")}
        </h2>
        {/* a new form after each submission, so typed passwords never linger in the page */}
        <PasswordForm key={location.key} lastResult={actionData?.result} />
      </section>
    </div>
  );
}

function PasswordForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const t = useT();
  const [form, fields] = useForm({
    id: "change-password",
    lastResult,
    constraint: getZodConstraint(changePasswordSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
  });
  return (
    <Form method="post" className="mt-3 space-y-4" {...getFormProps(form)}>
      <ErrorList id={form.errorId} errors={form.errors} />
      <TextField
        label={t("account.currentPassword")}
        field={fields.currentPassword}
        type="password"
        autoComplete="current-password"
      />
      <TextField
        label={t("account.newPassword")}
        field={fields.newPassword}
        type="password"
        autoComplete="new-password"
        hint={t("account.passwordHint")}
      />
      <TextField
        label={t("account.confirmPassword")}
        field={fields.confirmPassword}
        type="password"
        autoComplete="new-password"
      />
      <SubmitButton>{t("account.save")}</SubmitButton>
    </Form>
  );
}
