import { getFormProps } from "@conform-to/react";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorList, SubmitButton, TextField } from "~/components/forms";
import { useLocale, useT } from "~/components/i18n";
import { DeliveryState } from "~/components/delivery-state";
import { CampusBadges, CampusField, RoleField, UnitBadges, UnitField } from "~/components/user-form";
import { formatDateTime } from "~/domain/i18n";
import { listCampuses } from "~/models/campus.server";
import { deliveryState } from "~/models/outbox.server";
import { unitOptionsForUser } from "~/models/unit-admin.server";
import { getUserForAdmin } from "~/models/user.server";
import { can } from "~/domain/policy";
import { notFound, requirePermission, toPrincipal } from "~/utils/auth.server";
import { userAction, type UserActionData } from "./admin.users.$userId.server";
import { updateUserForm } from "~/domain/schemas/constraints/update-user.generated";
import { useValidatedForm } from "~/components/use-lazy-validation";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.user.name ?? "Pengguna"} · Kolaborasi Banten` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const me = await requirePermission(request, "user.manage");
  const [user, campuses, units, delivery] = await Promise.all([
    getUserForAdmin(params.userId ?? ""),
    listCampuses(),
    unitOptionsForUser(params.userId ?? ""),
    can(toPrincipal(me), "outbox.manage") ? deliveryState(params.userId ?? "") : null,
  ]);
  if (!user) throw notFound();
  return json({
    user,
    campuses: campuses.map(({ slug, name, abbreviation }) => ({ slug, name, abbreviation })),
    units,
    isSelf: me.id === user.id,
    delivery,
  });
}

export const action = userAction;

export default function UserPage() {
  const { user, campuses, units, isSelf, delivery } = useLoaderData<typeof loader>();
  const actionData = useActionData<UserActionData>();
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useValidatedForm(updateUserForm, {
    id: `edit-user-${user.id}`,
    lastResult: actionData?.intent === "update" ? actionData.result : undefined,
    defaultValue: { name: user.name, role: user.role, campuses: user.campuses.map((c) => c.slug), units: user.units.map((u) => u.code) },
    shouldValidate: "onBlur",
  });
  // the buttons without fields show the refusal's form-level errors beside them
  const errorOf = (intent: string) => (actionData?.intent === intent ? (actionData.result.error?.[""] ?? null) : null);
  return (
    <>
      <Link to="/admin/users" className="text-sm text-brand-700 underline">
        ← {t("users.back")}
      </Link>
      <h1 className="mt-2 text-2xl font-bold">
        {user.name} {isSelf ? <span className="text-base font-normal text-slate-600">{t("users.you")}</span> : null}
      </h1>
      <p className="break-all text-slate-700">{user.email}</p>
      <dl className="card mt-4 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("users.status")}</dt>
        <dd className={user.active ? "text-green-800" : "font-semibold text-red-800"} data-testid="user-status">
          {t(user.active ? "users.active" : "users.inactive")}
        </dd>
        <dt className="text-slate-600">{t("users.role")}</dt>
        <dd>{t(`role.${user.role}`)}</dd>
        <dt className="text-slate-600">{t("users.campuses")}</dt>
        <dd>
          <CampusBadges campuses={user.campuses} />
        </dd>
        <dt className="text-slate-600">{t("users.units")}</dt>
        <dd>
          <UnitBadges units={user.units} />
        </dd>
        <dt className="text-slate-600">{t("users.lastLogin")}</dt>
        <dd>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale) : t("users.never")}</dd>
        <dt className="text-slate-600">{t("users.activeSessions")}</dt>
        <dd>{user.activeSessions}</dd>
        <dt className="text-slate-600">{t("users.createdAt")}</dt>
        <dd>{formatDateTime(user.createdAt, locale)}</dd>
      </dl>

      <section aria-labelledby="profile-title" className="mt-6">
        <h2 id="profile-title" className="text-lg font-semibold">
          {t("users.profile")}
        </h2>
        <Form method="post" className="card mt-2 space-y-4" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="update" />
          <ErrorList id={form.errorId} errors={form.errors} />
          <TextField label={t("users.name")} field={fields.name} autoComplete="off" />
          <RoleField field={fields.role} />
          <CampusField field={fields.campuses} campuses={campuses} />
          <UnitField field={fields.units} units={units} />
          <SubmitButton>{t("users.save")}</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="access-title" className="mt-6">
        <h2 id="access-title" className="text-lg font-semibold">
          {t("users.access")}
        </h2>
        <div className="mt-2 space-y-3">
          <AccessAction
            intent={user.active ? "deactivate" : "activate"}
            label={t(user.active ? "users.deactivate" : "users.activate")}
            hint={isSelf && user.active ? t("users.cannotDeactivateSelf") : t("users.deactivateHint")}
            errors={errorOf(user.active ? "deactivate" : "activate")}
            disabled={isSelf && user.active}
          />
          <AccessAction
            intent="revoke-sessions"
            label={t("users.revokeSessions")}
            hint={t("users.revokeHint")}
            errors={errorOf("revoke-sessions")}
          />
          <AccessAction intent="issue-reset" label={t("users.issueReset")} hint={t("users.resetHint")} errors={errorOf("issue-reset")}>
            {actionData?.resetLink ? (
              <div role="status" className="mt-3 rounded-md border-l-4 border-green-600 bg-green-50 p-3">
                <label htmlFor="reset-link" className="block text-sm">
                  {t("users.resetIssued", { hours: actionData.hours ?? 0 })}
                </label>
                <input id="reset-link" readOnly className="input mt-1 font-mono text-sm" value={actionData.resetLink} data-testid="reset-link" />
                <p className="mt-1 text-sm font-semibold">{t("users.resetOnce")}</p>
              </div>
            ) : null}
          </AccessAction>
        </div>
      </section>

      {delivery ? <DeliveryState delivery={delivery} /> : null}
    </>
  );
}

function AccessAction({
  intent,
  label,
  hint,
  errors,
  disabled = false,
  children,
}: {
  intent: string;
  label: string;
  hint: string;
  errors: string[] | null;
  disabled?: boolean;
  children?: React.ReactNode;
}) {
  const hintId = `${intent}-hint`;
  return (
    <Form method="post" className="card">
      <p id={hintId} className="text-sm text-slate-700">
        {hint}
      </p>
      <div className="mt-2">
        {disabled ? (
          <button type="button" className="btn-secondary" disabled aria-describedby={hintId}>
            {label}
          </button>
        ) : (
          <SubmitButton name="intent" value={intent} className="btn-secondary">
            {label}
          </SubmitButton>
        )}
      </div>
      <ErrorList errors={errors} />
      {children}
    </Form>
  );
}
