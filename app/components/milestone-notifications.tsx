import { Link } from "@remix-run/react";
import { formatDateTime } from "~/domain/i18n";
import { notificationText } from "~/domain/mail";
import { useLocale, useT } from "./i18n";

export type NotificationRow = {
  id: string;
  kind: string;
  params: Record<string, string | number>;
  link: string | null;
  readAt: string | null;
  createdAt: string;
};

// A notification's text (its kind is a dictionary key; parameters that are keys are translated
// too) is defined once, with the e-mail that carries it.
export { notificationText };

/** The signed-in user's notifications, unread ones highlighted. */
export function NotificationList({ notifications }: { notifications: NotificationRow[] }) {
  const t = useT();
  const locale = useLocale();
  if (notifications.length === 0) return <p className="text-slate-600">{t("notifications.empty")}</p>;
  return (
    <ol className="space-y-2" data-testid="notification-list">
      {notifications.map((n) => {
        const unread = !n.readAt;
        return (
          <li
            key={n.id}
            className={`card ${unread ? "border-l-4 border-l-brand-600 bg-sky-50" : ""}`}
            data-testid="notification"
            data-unread={unread ? "true" : "false"}
          >
            <p className="text-sm text-slate-600">
              {formatDateTime(n.createdAt, locale)}
              {unread ? <strong className="ml-2 text-brand-700">{t("notifications.unread")}</strong> : null}
            </p>
            <p className={unread ? "font-semibold" : ""}>{notificationText(n, t)}</p>
            {n.link ? (
              <Link to={n.link} className="text-sm text-brand-700 underline">
                {t("notifications.open")}
              </Link>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
