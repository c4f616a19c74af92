import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildCalendar, calendarOwner } from "~/models/calendar.server";
import { can } from "~/domain/policy";

// /calendar/<secret>.ics: a user's calendar feed, read by Google Calendar or Outlook without a
// session. The secret is the only credential; an unknown, revoked or inactive one is a 404.

export async function loader({ params }: LoaderFunctionArgs) {
  const match = /^(.+)\.ics$/.exec(params.file ?? "");
  const owner = match ? await calendarOwner(match[1]!) : null;
  if (!owner || !can(owner, "calendar.subscribe")) throw new Response("Not found", { status: 404 });
  return new Response(await buildCalendar(owner), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="kolaborasi-banten.ics"',
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
      "Referrer-Policy": "no-referrer",
    },
  });
}
