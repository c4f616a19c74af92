import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { OutboxStateBadge } from "~/components/delivery-state";
import { SubmitButton } from "~/components/form-basics";
import { useLocale, useT } from "~/components/i18n";
import { formatDateTime } from "~/domain/i18n";
import { OUTBOX_STATES, type OutboxState } from "~/domain/mail";
import { listOutbox, outboxCounts, retryMessages } from "~/models/outbox.server";
import { authorOf, requirePermission } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { outboxRetrySchema } from "~/domain/schemas/all.server";
import { formAction } from "~/utils/form-action.server";
import { parseForm, parseIntent } from "~/utils/parse-form.server";
import { readFormData } from "~/utils/request-body.server";
import { redirectWithToast } from "~/utils/session.server";

// /admin/outbox: every e-mail with its state; failed ones (and those waiting after an error) can be
// sent again. Without SMTP_URL nothing is sent, and the page says so.

export const meta: MetaFunction = () => [{ title: "Kotak keluar · Kolaborasi Banten" }];

const isState = (v: string | null): v is OutboxState => !!v && (OUTBOX_STATES as readonly string[]).includes(v);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "outbox.manage");
  const url = new URL(request.url);
  const state = url.searchParams.get("state");
  const cursor = url.searchParams.get("cursor");
  const filter = { state: isState(state) ? state : null, cursor: cursor && cursor.length <= 40 ? cursor : null };
  const [page, counts] = await Promise.all([listOutbox(filter), outboxCounts()]);
  return json({ ...page, counts, state: filter.state, paged: !!filter.cursor, smtpConfigured: !!env().SMTP_URL });
}

const INTENTS = ["retry", "retry-all"] as const;

export function action(args: ActionFunctionArgs) {
  return formAction(args, async ({ request, context }) => {
    const user = await requirePermission(request, "outbox.manage");
    const formData = await readFormData(request);
    const actor = authorOf(user, context);
    switch (parseIntent(formData, INTENTS)) {
      case "retry": {
        const submission = parseForm(formData, outboxRetrySchema);
        if (submission.status !== "success") return json({ intent: "retry", result: submission.reply() }, { status: 400 });
        const count = await retryMessages(actor, submission.value.id);
        if (count === 0) return redirectWithToast(request, "/admin/outbox", { type: "error", key: "outbox.notRetriable" });
        return redirectWithToast(request, "/admin/outbox", { type: "success", key: "outbox.retried", params: { count } });
      }
      case "retry-all": {
        const count = await retryMessages(actor, null);
        return redirectWithToast(request, "/admin/outbox", { type: "success", key: "outbox.retried", params: { count } });
      }
    }
  });
}

export default function OutboxPage() {
  const { messages, nextCursor, counts, state, paged, smtpConfigured } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const query = (extra: Record<string, string>) => `/admin/outbox?${new URLSearchParams({ ...(state ? { state } : {}), ...extra })}`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("outbox.title")}</h1>
      {smtpConfigured ? null : (
        <p className="rounded border-l-4 border-amber-500 bg-amber-50 p-3" role="status" data-testid="no-smtp">
          {t("outbox.noSmtp")}
        </p>
      )}
      <nav aria-label={t("outbox.filter")} className="flex flex-wrap gap-2 text-sm">
        <Link to="/admin/outbox" className={`underline ${state ? "" : "font-bold"}`}>
          {t("outbox.filter.all")}
        </Link>
        {OUTBOX_STATES.map((s) => (
          <Link key={s} to={`/admin/outbox?state=${s}`} className={`underline ${state === s ? "font-bold" : ""}`}>
            {t(`outbox.state.${s}`)} ({counts[s]})
          </Link>
        ))}
      </nav>
      {counts.FAILED + counts.PENDING > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="retry-all" />
          <SubmitButton className="btn-secondary">{t("outbox.retryAll")}</SubmitButton>
        </Form>
      ) : null}
      {messages.length === 0 ? (
        <p className="text-slate-600">{t("outbox.empty")}</p>
      ) : (
        <ol className="space-y-2" data-testid="outbox-list">
          {messages.map((m) => (
            <li key={m.id} className="card space-y-1 text-sm" data-testid="outbox-row">
              <p>
                <OutboxStateBadge state={m.state} /> <strong className="break-words">{m.subject}</strong>
              </p>
              <p className="break-all text-slate-700">
                {t("outbox.recipient")}: {m.toAddress}
              </p>
              <p className="text-slate-600">
                {t("outbox.created")}: {formatDateTime(m.createdAt, locale)} · {t("outbox.attempts")}: {m.attempts}
                {m.state === "PENDING" && m.attempts > 0 ? ` · ${t("outbox.next")}: ${formatDateTime(m.nextAttemptAt, locale)}` : ""}
                {m.sentAt ? ` · ${t("outbox.state.SENT")}: ${formatDateTime(m.sentAt, locale)}` : ""}
              </p>
              {m.lastError ? (
                <p className="break-words text-red-800">
                  {t("outbox.error")}: {m.lastError}
                </p>
              ) : null}
              <details>
                <summary className="cursor-pointer text-brand-700">{t("outbox.showText")}</summary>
                <pre className="mt-1 whitespace-pre-wrap break-words text-xs">{m.text}</pre>
              </details>
              {m.state === "FAILED" || (m.state === "PENDING" && m.lastError) ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="retry" />
                  <input type="hidden" name="id" value={m.id} />
                  <SubmitButton className="btn-secondary">{t("outbox.retry")}</SubmitButton>
                </Form>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <nav className="flex gap-4 text-sm">
        {paged ? (
          <Link className="underline" to={query({})}>
            {t("outbox.newest")}
          </Link>
        ) : null}
        {nextCursor ? (
          <Link className="underline" to={query({ cursor: nextCursor })}>
            {t("outbox.older")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
