import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SubmitButton } from "~/components/form-basics";
import { useT } from "~/components/i18n";
import { NotificationList } from "~/components/milestone-notifications";
import { listNotifications, markAllRead, unreadCount } from "~/models/notification.server";
import { requireUser } from "~/utils/auth.server";
import { formAction } from "~/utils/form-action.server";
import { parseIntent } from "~/utils/parse-form.server";
import { readFormData } from "~/utils/request-body.server";
import { redirectWithToast } from "~/utils/session.server";
import { pageMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "nav.notifications", "meta.notifications");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const cursor = new URL(request.url).searchParams.get("cursor");
  const [page, unread] = await Promise.all([listNotifications(user.id, cursor), unreadCount(user.id)]);
  return json({ ...page, unread, paged: !!cursor });
}

export function action(args: ActionFunctionArgs) {
  return formAction(args, async ({ request }) => {
    const user = await requireUser(request);
    parseIntent(await readFormData(request), ["mark-read"]);
    await markAllRead(user.id);
    return redirectWithToast(request, "/notifications", { type: "success", key: "notifications.markedRead" });
  });
}

export default function NotificationsPage() {
  const { notifications, nextCursor, unread, paged } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{t("notifications.title")}</h1>
        <span className="text-sm text-slate-600" data-testid="unread-count">
          {t("notifications.unreadCount", { count: unread })}
        </span>
        {unread > 0 ? (
          <Form method="post" className="ml-auto">
            <input type="hidden" name="intent" value="mark-read" />
            <SubmitButton className="btn-secondary">{t("notifications.markAllRead")}</SubmitButton>
          </Form>
        ) : null}
      </header>
      <NotificationList notifications={notifications} />
      <nav className="flex gap-4 text-sm">
        {paged ? (
          <Link className="underline" to="/notifications">
            {t("notifications.newest")}
          </Link>
        ) : null}
        {nextCursor ? (
          <Link className="underline" to={`/notifications?cursor=${encodeURIComponent(nextCursor)}`}>
            {t("notifications.older")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
