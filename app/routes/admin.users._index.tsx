import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorList, ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { useLocale, useT } from "~/components/i18n";
import { CampusBadges, CampusField, RoleField, UnitBadges, UnitField } from "~/components/user-form";
import { formatDateTime } from "~/domain/i18n";
import { createUserSchema } from "~/domain/schemas/all.server";
import { listCampuses } from "~/models/campus.server";
import { unitOptionsForUser } from "~/models/unit-admin.server";
import { createUser, listUsers } from "~/models/user.server";
import { authorOf, requirePermission } from "~/utils/auth.server";
import { formAction } from "~/utils/form-action.server";
import { parseForm } from "~/utils/parse-form.server";
import { readFormData } from "~/utils/request-body.server";
import { redirectWithToast } from "~/utils/session.server";
import { createUserForm } from "~/domain/schemas/constraints/create-user.generated";
import { useValidatedForm } from "~/components/use-lazy-validation";

export const meta: MetaFunction = () => [{ title: "Pengguna · Kolaborasi Banten" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requirePermission(request, "user.manage");
  const [users, campuses, units] = await Promise.all([listUsers(), listCampuses(), unitOptionsForUser()]);
  return json({ users, campuses: campuses.map(({ slug, name, abbreviation }) => ({ slug, name, abbreviation })), units, meId: me.id });
}

export function action(args: ActionFunctionArgs) {
  return formAction(args, async ({ request, context }) => {
    const me = await requirePermission(request, "user.manage");
    const submission = parseForm(await readFormData(request), createUserSchema);
    if (submission.status !== "success") {
      return json({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
    }
    const { email, name, role, campuses, units, password } = submission.value;
    const created = await createUser({ email, name, role, campuses, units, password }, authorOf(me, context));
    if (!created.ok) {
      const fieldErrors: Record<string, string[]> =
        created.reason === "email-taken"
          ? { email: ["users.emailTaken"] }
          : created.reason === "unknown-unit"
            ? { units: ["users.unknownUnit"] }
            : { campuses: ["users.unknownCampus"] };
      return json({ result: submission.reply({ fieldErrors, hideFields: ["password"] }) }, { status: 400 });
    }
    return redirectWithToast(request, `/admin/users/${created.userId}`, { type: "success", key: "users.created", params: { email } });
  });
}

export default function UsersPage() {
  const { users, campuses, units, meId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useValidatedForm(createUserForm, {
    id: "create-user",
    lastResult: actionData?.result,
    defaultValue: { role: "LIAISON" },
    shouldValidate: "onBlur",
  });
  return (
    <>
      <h1 className="text-2xl font-bold">{t("users.title")}</h1>
      <p className="mt-1 text-slate-700">{t("users.intro")}</p>

      <section aria-labelledby="create-user-title" className="mt-6">
        <h2 id="create-user-title" className="text-lg font-semibold">
          {t("users.create")}
        </h2>
        <Form method="post" className="card mt-2 space-y-4" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="create" />
          <ErrorSummary form={form} labelFor={(name) => ({ email: t("users.email"), name: t("users.name"), role: t("users.role"), campuses: t("users.campuses"), units: t("users.units"), password: t("users.initialPassword") })[name]} />
          <ErrorList id={form.errorId} errors={form.errors} />
          <TextField label={t("users.email")} field={fields.email} type="email" autoComplete="off" />
          <TextField label={t("users.name")} field={fields.name} autoComplete="off" />
          <RoleField field={fields.role} />
          <CampusField field={fields.campuses} campuses={campuses} />
          <UnitField field={fields.units} units={units} />
          <TextField
            label={t("users.initialPassword")}
            field={fields.password}
            type="password"
            autoComplete="new-password"
            hint={t("users.passwordHint")}
          />
          <SubmitButton>{t("users.create")}</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="user-list-title" className="mt-8">
        <h2 id="user-list-title" className="text-lg font-semibold">
          {t("users.title")} <span className="font-normal text-slate-600">· {t("users.count", { count: users.length })}</span>
        </h2>
        <ul className="mt-2 space-y-2" data-testid="user-list">
          {users.map((u) => (
            <li key={u.id} className={`card ${u.active ? "" : "bg-slate-100"}`}>
              <p className="flex flex-wrap items-baseline gap-x-2">
                <Link to={`/admin/users/${u.id}`} className="font-semibold text-brand-700 underline">
                  {u.name}
                </Link>
                {u.id === meId ? <span className="text-sm text-slate-600">{t("users.you")}</span> : null}
                <span className="break-all text-sm text-slate-700">{u.email}</span>
              </p>
              <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
                <dt className="text-slate-600">{t("users.role")}</dt>
                <dd>{t(`role.${u.role}`)}</dd>
                <dt className="text-slate-600">{t("users.campuses")}</dt>
                <dd>
                  <CampusBadges campuses={u.campuses} />
                </dd>
                {u.units.length ? (
                  <>
                    <dt className="text-slate-600">{t("users.units")}</dt>
                    <dd>
                      <UnitBadges units={u.units} />
                    </dd>
                  </>
                ) : null}
                <dt className="text-slate-600">{t("users.status")}</dt>
                <dd className={u.active ? "text-green-800" : "font-semibold text-red-800"}>
                  {t(u.active ? "users.active" : "users.inactive")}
                </dd>
                <dt className="text-slate-600">{t("users.lastLogin")}</dt>
                <dd>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, locale) : t("users.never")}</dd>
                <dt className="text-slate-600">{t("users.activeSessions")}</dt>
                <dd>{u.activeSessions}</dd>
              </dl>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
