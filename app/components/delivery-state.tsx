import { useLocale, useT } from "./i18n";
import { formatDateTime } from "~/domain/i18n";

export type OutboxRow = {
  id: string;
  subject: string;
  state: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
};

const STATE_CLASS: Record<string, string> = {
  PENDING: "bg-amber-100 text-amber-900",
  SENDING: "bg-sky-100 text-sky-900",
  SENT: "bg-green-100 text-green-900",
  FAILED: "bg-red-100 text-red-900",
};

export function OutboxStateBadge({ state }: { state: string }) {
  const t = useT();
  const known = state === "PENDING" || state === "SENDING" || state === "SENT" || state === "FAILED";
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-semibold ${STATE_CLASS[state] ?? ""}`} data-testid="outbox-state">
      {known ? t(`outbox.state.${state}`) : t("label.unknown")}
    </span>
  );
}

/** A user's e-mail settings and latest e-mails, for administrators (read-only). */
export function DeliveryState({
  delivery,
}: {
  delivery: { emailImmediate: boolean; emailDigest: string; locale: string; calendarSince: string | null; recent: OutboxRow[] };
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="delivery-title" className="mt-6" data-testid="delivery-state">
      <h2 id="delivery-title" className="text-lg font-semibold">
        {t("delivery.title")}
      </h2>
      <dl className="card mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("delivery.immediate")}</dt>
        <dd>{t(delivery.emailImmediate ? "delivery.on" : "delivery.off")}</dd>
        <dt className="text-slate-600">{t("delivery.digest")}</dt>
        <dd>{t(delivery.emailDigest === "WEEKLY" ? "account.mail.digest.WEEKLY" : "account.mail.digest.OFF")}</dd>
        <dt className="text-slate-600">{t("delivery.locale")}</dt>
        <dd>{delivery.locale === "en" ? "English" : "Bahasa Indonesia"}</dd>
        <dt className="text-slate-600">{t("delivery.calendar")}</dt>
        <dd>{delivery.calendarSince ? formatDateTime(delivery.calendarSince, locale) : t("delivery.off")}</dd>
      </dl>
      <h3 className="mt-3 font-semibold">{t("delivery.recent")}</h3>
      {delivery.recent.length === 0 ? (
        <p className="text-sm text-slate-600">{t("delivery.none")}</p>
      ) : (
        <ul className="mt-1 space-y-1 text-sm">
          {delivery.recent.map((m) => (
            <li key={m.id} className="card" data-testid="delivery-row">
              <OutboxStateBadge state={m.state} /> <span className="break-words">{m.subject}</span>
              <span className="block text-slate-600">
                {formatDateTime(m.sentAt ?? m.createdAt, locale)} · {t("outbox.attempts")}: {m.attempts}
                {m.lastError ? ` · ${m.lastError}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
