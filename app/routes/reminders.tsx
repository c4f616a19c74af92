import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SubmitButton } from "~/components/form-basics";
import { useLocale, useT } from "~/components/i18n";
import { todayInBanten } from "~/domain/dates";
import { formatDateTime } from "~/domain/i18n";
import { whatsAppNudge } from "~/domain/mail";
import { WhatsAppLink } from "~/components/whatsapp-link";
import { recentReminders, sendReminder, staleByCampus } from "~/models/reminder.server";
import { authorOf, requirePermission } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { reminderSendSchema } from "~/domain/schemas/all.server";
import { formAction } from "~/utils/form-action.server";
import { parseForm, parseIntent } from "~/utils/parse-form.server";
import { readFormData } from "~/utils/request-body.server";
import { redirectWithToast } from "~/utils/session.server";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "nav.reminders", "meta.reminders");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "reminder.send");
  const days = env().STALE_AFTER_DAYS;
  const [stale, history] = await Promise.all([staleByCampus(todayInBanten(), days), recentReminders()]);
  const campuses = stale.map((c) => ({
    ...c,
    whatsapp: c.stale
      ? whatsAppNudge({ key: "whatsapp.reminder", params: { campus: c.abbreviation ?? c.name, count: c.stale, days } }, env().APP_URL, `/campuses/${c.slug}/check-in`)
      : null,
  }));
  return json({ campuses, history, days });
}

export function action(args: ActionFunctionArgs) {
  return formAction(args, async ({ request, context }) => {
    const user = await requirePermission(request, "reminder.send");
    const formData = await readFormData(request);
    parseIntent(formData, ["send"]);
    // the campus is the value of the button pressed: without a valid one there is no form to answer
    const submission = parseForm(formData, reminderSendSchema);
    if (submission.status !== "success") throw new Response("Bad Request", { status: 400 });
    const { campusId } = submission.value;
    const outcome = await sendReminder(authorOf(user, context), campusId, todayInBanten(), env().STALE_AFTER_DAYS);
    if (!outcome.sent) return json({ campusId, reason: outcome.reason, at: outcome.at?.toISOString() ?? null }, { status: 409 });
    const params = { items: outcome.items, recipients: outcome.recipients };
    return redirectWithToast(request, "/reminders", { type: "success", key: "reminders.sent", params });
  });
}

export default function RemindersPage() {
  const { campuses, history, days } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const nameOf = (id: string) => {
    const c = campuses.find((x) => x.id === id);
    return c ? c.abbreviation ?? c.name : id;
  };
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t("reminders.title")}</h1>
        <p className="text-slate-700">{t("reminders.intro", { days })}</p>
      </header>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {campuses.map((c) => (
          <li key={c.id} className={`card ${c.stale ? "border-l-4 border-l-amber-500" : ""}`}>
            <Link to={`/campuses/${c.slug}`} className="font-semibold text-brand-700 underline">
              {c.abbreviation ?? c.name}
            </Link>
            <p className="text-sm">
              {t("reminders.stale")}: <strong>{c.stale}</strong>
            </p>
            <p className="text-sm text-slate-600">
              {t("reminders.last")}: {c.lastReminder ? formatDateTime(c.lastReminder, locale) : t("reminders.never")}
            </p>
            {refused?.campusId === c.id ? (
              <p role="alert" className="mt-1 text-sm font-medium text-red-700">
                {refused.reason === "already-today"
                  ? t("reminders.alreadyToday", { time: refused.at ? formatDateTime(refused.at, locale) : "" })
                  : t("reminders.nothingStale")}
              </p>
            ) : null}
            {c.stale ? (
              <Form method="post" className="mt-2">
                <input type="hidden" name="intent" value="send" />
                <SubmitButton className="btn-secondary" name="campusId" value={c.id}>
                  {t("reminders.send")}
                </SubmitButton>
              </Form>
            ) : null}
            {c.whatsapp ? <WhatsAppLink href={c.whatsapp} className="mt-2" /> : null}
          </li>
        ))}
      </ul>
      <section aria-labelledby="history">
        <h2 id="history" className="text-lg font-semibold">{t("reminders.history")}</h2>
        {history.length === 0 ? <p className="text-slate-600">{t("reminders.none")}</p> : null}
        <ul className="mt-2 space-y-1 text-sm">
          {history.map((h) => (
            <li key={h.id}>
              {formatDateTime(h.at, locale)} ·{" "}
              {t("reminders.historyRow", { by: h.by ?? t("audit.system"), campus: nameOf(h.campusId), items: h.items, recipients: h.recipients })}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
