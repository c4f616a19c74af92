import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { TeamForm } from "~/components/team-form";
import { formatDate } from "~/domain/i18n";
import { MEMBER_SIDES } from "~/domain/enums";
import { can } from "~/domain/policy";
import { createTeamSchema } from "~/domain/schemas/all.server";
import { getCampusBySlug } from "~/models/campus.server";
import { createTeam, listTeamsForCampus } from "~/models/team.server";
import { assertCan, authorOf, notFound, requirePermission, requireUser, toPrincipal } from "~/utils/auth.server";
import { formAction } from "~/utils/form-action.server";
import { parseForm, parseIntent } from "~/utils/parse-form.server";
import { readFormData } from "~/utils/request-body.server";
import { redirectWithToast } from "~/utils/session.server";
import { pageMeta } from "~/utils/meta";

// `$slug_` keeps this page out of the campus page's layout (it has no <Outlet />): same URL, own page.

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageMeta(matches, (t) => `${t("teams.title")} · ${data?.campus.abbreviation ?? data?.campus.name ?? ""}`, "meta.teams");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const campus = await getCampusBySlug(params.slug ?? "");
  if (!campus) throw notFound();
  const user = await requirePermission(request, "campus.read", { campusId: campus.id });
  const teams = await listTeamsForCampus(campus.id);
  return json({ campus, teams, canCreate: can(toPrincipal(user), "team.manage", { campusId: campus.id }) });
}

export function action(args: ActionFunctionArgs) {
  return formAction(args, async ({ request, params, context }) => {
    const user = await requireUser(request);
    const campus = await getCampusBySlug(params.slug ?? "");
    if (!campus) throw notFound();
    assertCan(user, "team.manage", { campusId: campus.id });
    const formData = await readFormData(request);
    parseIntent(formData, ["create-team"]);
    const submission = parseForm(formData, createTeamSchema);
    if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
    const team = await createTeam(campus.id, submission.value, authorOf(user, context));
    return redirectWithToast(request, `/teams/${team.id}`, { type: "success", key: "teams.created", params: { name: team.name } });
  });
}

export default function CampusTeamsPage() {
  const { campus, teams, canCreate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <Link to={`/campuses/${campus.slug}`} className="text-sm text-brand-700 underline">
        {t("teams.backToCampus", { campus: campus.abbreviation ?? campus.name })}
      </Link>
      <h1 className="mt-2 text-2xl font-bold">{t("teams.title")}</h1>
      <p className="text-slate-700">{campus.name}</p>
      <p className="mt-1 text-sm text-slate-600">{t("teams.intro")}</p>

      {teams.length === 0 ? (
        <p className="card mt-4">{t("teams.empty")}</p>
      ) : (
        <ul className="mt-4 space-y-3" data-testid="team-list">
          {teams.map((team) => (
            <li key={team.id} className="card">
              <h2 className="font-semibold">
                <Link to={`/teams/${team.id}`} className="text-brand-700 underline">
                  {team.name}
                </Link>
              </h2>
              {team.campusId === null ? (
                <span className="mt-1 inline-block rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
                  {t("teams.shared")}
                </span>
              ) : null}
              <p className="mt-1 text-sm text-slate-700">
                {team.decreeRef
                  ? `${team.decreeRef}${team.decreeDate ? ` · ${formatDate(team.decreeDate, locale)}` : ""}`
                  : t("teams.noDecree")}
              </p>
              {team.mandate ? <p className="mt-1 text-sm">{team.mandate}</p> : null}
              <p className="mt-2 text-sm text-slate-600" data-testid="member-count">
                {t("teams.memberCount", { count: team.memberCount })}:{" "}
                {MEMBER_SIDES.map((side) => `${t(`memberSideShort.${side}`)} ${team.membersBySide[side]}`).join(" · ")}
              </p>
            </li>
          ))}
        </ul>
      )}

      {canCreate ? (
        <section className="card mt-6" aria-labelledby="create-team-heading">
          <h2 id="create-team-heading" className="text-lg font-semibold">
            {t("teams.create")}
          </h2>
          <div className="mt-3">
            <TeamForm intent="create-team" lastResult={actionData?.result} />
          </div>
        </section>
      ) : null}
    </>
  );
}
