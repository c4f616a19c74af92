import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorList, ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { useT } from "~/components/i18n";
import { useValidatedForm } from "~/components/use-lazy-validation";
import { loginForm } from "~/domain/schemas/constraints/login.generated";
import { loginSchema } from "~/domain/schemas/all.server";
import { homePath } from "~/models/unit.server";
import { isDemoLoaded } from "~/models/app-status.server";
import { login } from "~/models/user.server";
import { clientIp, getSessionUser, getUser } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { formAction } from "~/utils/form-action.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { commitCookieSession, COOKIE_GRACE_SECONDS, getCookieSession } from "~/utils/session.server";
import { parseForm } from "~/utils/parse-form.server";
import { readFormData } from "~/utils/request-body.server";
import { pageMeta } from "~/utils/meta";
import { secureCookieDropped } from "~/domain/secure-cookie";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "login.title", "meta.login");

// Signing in is one form: the page is sent without scripts (a phone on a slow network has nothing
// to download before it can sign in), and the form is a plain POST that the server answers with
// its errors beside the fields, or with a redirect. The app's scripts load on the page it leads to.
export const handle = { hydrate: false };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  if (user) throw redirect(safeRedirect(redirectTo, await homePath(user)));
  // the demo password is shown only where the operator asked for demo data and it is loaded
  const demo = env().DEMO_DATA && (await isDemoLoaded());
  return json({ demoPassword: demo ? env().DEMO_PASSWORD : null, demo, insecure: secureCookieDropped(request.url, env().cookieSecure) });
}

export function action(args: ActionFunctionArgs) {
  return formAction(args, async ({ request, context }) => {
    const formData = await readFormData(request);
    const submission = parseForm(formData, loginSchema);
    if (submission.status !== "success") {
      return json({ result: submission.reply({ hideFields: ["password"] }), retryAfterMinutes: null }, { status: 400 });
    }
    const result = await login(submission.value, {
      ip: clientIp(context),
      userAgent: request.headers.get("User-Agent"),
    });
    if (!result.ok) {
      const rateLimited = result.reason === "rate-limited";
      return json(
        {
          result: submission.reply({
            formErrors: [rateLimited ? "login.rateLimited" : "login.failed"],
            hideFields: ["password"],
          }),
          retryAfterMinutes: rateLimited ? result.retryAfterMinutes : null,
        },
        { status: rateLimited ? 429 : 400 },
      );
    }
    const session = await getCookieSession(request);
    session.set("sessionId", result.sessionId);
    const user = await getSessionUser(result.sessionId);
    const to = safeRedirect(submission.value.redirectTo, user ? await homePath(user) : "/");
    const maxAge = Math.floor((result.expiresAt.getTime() - Date.now()) / 1000) + COOKIE_GRACE_SECONDS;
    return redirect(to, { headers: { "Set-Cookie": await commitCookieSession(session, maxAge) } });
  });
}

export default function LoginPage() {
  const { demo, demoPassword, insecure } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const [form, fields] = useValidatedForm(loginForm, {
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
  });
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">{t("login.title")}</h1>
      <p className="mt-1 text-slate-700">{t("login.intro")}</p>
      {insecure ? (
        <div role="alert" className="mt-3 rounded-md border-2 border-amber-600 bg-amber-50 p-3 text-amber-950" data-testid="insecure-cookie">
          <p className="font-semibold">{t("login.insecureTitle")}</p>
          <p className="mt-1 text-sm">{t("login.insecure")}</p>
        </div>
      ) : null}
      {searchParams.get("expired") ? (
        <p role="alert" className="mt-4 rounded-md border-l-4 border-amber-500 bg-amber-50 px-4 py-3 text-amber-900">
          {t("login.sessionExpired")}
        </p>
      ) : null}
      <Form method="post" className="card mt-4 space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <ErrorSummary form={form} labelFor={(name) => ({ email: t("login.email"), password: t("login.password") })[name]} />
        <ErrorList id={form.errorId} errors={form.errors} params={{ minutes: actionData?.retryAfterMinutes ?? 15 }} />
        <TextField label={t("login.email")} field={fields.email} type="email" autoComplete="username" />
        <TextField label={t("login.password")} field={fields.password} type="password" autoComplete="current-password" />
        <SubmitButton pendingText={t("login.submitting")}>{t("login.submit")}</SubmitButton>
        <p className="text-sm text-slate-600">{t("login.forgot")}</p>
      </Form>
      {demo ? (
        <section className="card mt-4 text-sm">
          <h2 className="font-semibold">{t("login.demoAccounts")}</h2>
          <p className="mt-1">admin@demo.test · reviewer@demo.test · observer@demo.test · liaison.itb@demo.test …</p>
          {demoPassword ? <p className="mt-1">{t("login.demoPassword", { password: demoPassword })}</p> : null}
        </section>
      ) : null}
    </div>
  );
}
