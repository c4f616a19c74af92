import { getFormProps, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { CheckboxField, ErrorList, SelectField, SubmitButton, TextField } from "~/components/forms";
import { useLocale, useT } from "~/components/i18n";
import { formatDateTime } from "~/domain/i18n";
import { DIGEST_CHOICES } from "~/domain/mail-preferences";
import { calendarFeedOf } from "~/models/calendar.server";
import { listCampuses } from "~/models/campus.server";
import { mailPreferencesOf } from "~/models/outbox.server";
import { requireUser } from "~/utils/auth.server";
import { accountAction } from "./account.server";
import { changePasswordForm } from "~/domain/schemas/constraints/change-password.generated";
import { mailPreferencesForm } from "~/domain/schemas/constraints/mail-preferences.generated";
import { useValidatedForm } from "~/components/use-lazy-validation";

export const meta: MetaFunction = () => [{ title: "Akun Saya · Kolaborasi Banten" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [all, mail, feed] = await Promise.all([listCampuses(), mailPreferencesOf(user.id), calendarFeedOf(user.id)]);
  const campuses = all.filter((c) => user.campusIds.includes(c.id));
  return json({
    account: { name: user.name, email: user.email, role: user.role },
    campuses: campuses.map((c) => ({ id: c.id, slug: c.slug, name: c.name })),
    mail: { emailImmediate: mail?.emailImmediate ?? true, emailDigest: mail?.emailDigest ?? "WEEKLY", locale: mail?.locale ?? "id" },
    calendarSince: feed?.createdAt ?? null,
  });
}

export function action(args: ActionFunctionArgs) {
  return accountAction(args);
}

export default function AccountPage() {
  const { account, campuses, mail, calendarSince } = useLoaderData<typeof loader>();
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
        <PasswordForm key={location.key} lastResult={actionData?.intent === "change-password" ? actionData.result : undefined} />
      </section>

      <section className="card mt-4" aria-labelledby="mail">
        <h2 id="mail" className="text-lg font-semibold">
          {t("account.mail.title")}
        </h2>
        <p className="mt-1 break-all text-sm text-slate-600">{t("account.mail.intro", { email: account.email })}</p>
        <MailPreferencesForm defaults={mail} lastResult={actionData?.intent === "mail-preferences" ? actionData.result : undefined} />
      </section>

      <section className="card mt-4" aria-labelledby="calendar">
        <h2 id="calendar" className="text-lg font-semibold">
          {t("account.calendar.title")}
        </h2>
        <CalendarFeed since={calendarSince} createdUrl={actionData && "calendarUrl" in actionData ? actionData.calendarUrl : null} />
      </section>
    </div>
  );
}

function PasswordForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const t = useT();
  const [form, fields] = useValidatedForm(changePasswordForm, {
    id: "change-password",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" className="mt-3 space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="change-password" />
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

function MailPreferencesForm({
  defaults,
  lastResult,
}: {
  defaults: { emailImmediate: boolean; emailDigest: string; locale: string };
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useT();
  const [form, fields] = useValidatedForm(mailPreferencesForm, {
    id: "mail-preferences",
    lastResult,
    defaultValue: { emailImmediate: defaults.emailImmediate ? "on" : undefined, emailDigest: defaults.emailDigest, locale: defaults.locale },
  });
  return (
    <Form method="post" className="mt-3 space-y-4" {...getFormProps(form)} data-testid="mail-preferences">
      <input type="hidden" name="intent" value="mail-preferences" />
      <ErrorList id={form.errorId} errors={form.errors} />
      <CheckboxField label={t("account.mail.immediate")} field={fields.emailImmediate} />
      <SelectField
        label={t("account.mail.digest")}
        field={fields.emailDigest}
        options={DIGEST_CHOICES.map((value) => ({ value, label: t(`account.mail.digest.${value}`) }))}
      />
      <SelectField
        label={t("account.mail.locale")}
        field={fields.locale}
        options={[
          { value: "id", label: "Bahasa Indonesia" },
          { value: "en", label: "English" },
        ]}
      />
      <SubmitButton>{t("account.mail.save")}</SubmitButton>
    </Form>
  );
}

function CalendarFeed({ since, createdUrl }: { since: string | null; createdUrl: string | null }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mt-2 space-y-3">
      <p className="text-sm text-slate-700">{t("account.calendar.intro")}</p>
      {createdUrl ? (
        <div className="rounded border border-green-700 bg-green-50 p-3" data-testid="calendar-url">
          <p className="text-sm font-semibold">{t("account.calendar.created")}</p>
          <label className="mt-2 block text-sm" htmlFor="calendar-url">
            {t("account.calendar.url")}
          </label>
          <input id="calendar-url" className="input mt-1 w-full" readOnly value={createdUrl} />
        </div>
      ) : null}
      <p className="text-sm" data-testid="calendar-state">
        {since ? t("account.calendar.active", { date: formatDateTime(since, locale) }) : t("account.calendar.none")}
      </p>
      <div className="flex flex-wrap gap-2">
        <Form method="post">
          <input type="hidden" name="intent" value="calendar-create" />
          <SubmitButton className="btn-secondary">{t(since ? "account.calendar.replace" : "account.calendar.create")}</SubmitButton>
        </Form>
        {since ? (
          <Form method="post">
            <input type="hidden" name="intent" value="calendar-revoke" />
            <SubmitButton className="btn-secondary">{t("account.calendar.revoke")}</SubmitButton>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
