import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { TeamForm } from "~/components/team-form";
import { MemberForm } from "~/components/team-member-form";
import { MemberGonePanel, TeamRoster } from "~/components/team-roster";
import { formatDate } from "~/domain/i18n";
import { can } from "~/domain/policy";
import * as teams from "~/models/team.server";
import { assertCan, notFound, requireUser, toPrincipal } from "~/utils/auth.server";
import { teamAction, type TeamActionData } from "./teams.$teamId.server";
import { useOpenedVersion } from "~/components/conflict-panel";
import { pageMeta } from "~/utils/meta";

// a 409 (somebody else saved first) reloads the page's data beside the conflict panel
export { revalidateAfterConflict as shouldRevalidate } from "~/utils/revalidate";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageMeta(matches, (t) => data?.team.name ?? t("teams.title"), "meta.teams");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const scope = await teams.getTeamScope(params.teamId ?? "");
  if (!scope) throw notFound();
  const resource = { campusId: scope.campusId };
  assertCan(user, "campus.read", resource);
  const actor = toPrincipal(user);
  const canManage = can(actor, "team.manage", resource);
  const showContacts = canManage || can(actor, "team.contacts.read", resource);
  const [team, units] = await Promise.all([
    teams.getTeamWithRoster(scope.id, { withContacts: showContacts }),
    canManage ? teams.listGovernmentUnits({ teamId: scope.id }) : Promise.resolve<teams.GovernmentUnit[]>([]),
  ]);
  if (!team) throw notFound();
  const savedByViewer = canManage ? await teams.lastSavedBy(user.id, team) : [];
  // changes saved after this moment are the ones the user has not seen (listed on a conflict)
  return json({ team, units, canManage, showContacts, savedByViewer, startedAt: new Date().toISOString() });
}

export const action = teamAction;

export default function TeamPage() {
  const { team, units, canManage, showContacts, savedByViewer, startedAt } = useLoaderData<typeof loader>();
  const teamOpened = useOpenedVersion(team.version, startedAt, savedByViewer.includes(team.id));
  const actionData = useActionData<TeamActionData>();
  const t = useT();
  const locale = useLocale();
  const about = (intent: string, memberId: string | null = null) =>
    actionData && !actionData.gone && actionData.intent === intent && actionData.memberId === memberId ? actionData : undefined;
  const lastFor = (intent: string, memberId: string | null = null) => about(intent, memberId)?.result ?? undefined;
  const conflictFor = (intent: string, memberId: string | null = null) => about(intent, memberId)?.conflict ?? null;
  const teamConflict = conflictFor("update-team");
  return (
    <>
      {team.campus ? (
        <Link to={`/campuses/${team.campus.slug}/teams`} className="text-sm text-brand-700 underline">
          {t("teams.backToTeams", { campus: team.campus.abbreviation ?? team.campus.name })}
        </Link>
      ) : null}
      <h1 className="mt-2 text-2xl font-bold">{team.name}</h1>
      <p className="text-slate-700">{team.campus ? team.campus.name : t("teams.shared")}</p>
      <dl className="card mt-4 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-slate-600">{t("teams.decreeRef")}</dt>
        <dd>{team.decreeRef ?? t("teams.noDecree")}</dd>
        <dt className="text-slate-600">{t("teams.decreeDate")}</dt>
        <dd>{formatDate(team.decreeDate, locale)}</dd>
        <dt className="text-slate-600">{t("teams.mandate")}</dt>
        <dd className="whitespace-pre-line" data-testid="team-mandate">{team.mandate ?? "–"}</dd>
      </dl>
      {canManage ? (
        <details className="card mt-3" open={!!lastFor("update-team")}>
          <summary className="cursor-pointer font-semibold text-brand-700">{t("teams.edit")}</summary>
          <div className="mt-3">
            {/* the viewer's own save reopens the form on the saved values; someone else's does not
                replace what is being typed, and meets the version check on saving */}
            <TeamForm
              key={teamConflict?.version ?? teamOpened.version}
              intent="update-team"
              version={teamOpened.version}
              startedAt={teamOpened.startedAt}
              conflict={teamConflict}
              lastResult={lastFor("update-team")}
              defaultValue={{
                name: team.name,
                decreeRef: team.decreeRef ?? "",
                decreeDate: team.decreeDate ? team.decreeDate.slice(0, 10) : "",
                mandate: team.mandate ?? "",
              }}
            />
          </div>
        </details>
      ) : team.campusId === null ? (
        <p className="mt-3 text-sm text-slate-600">{t("teams.sharedAdminOnly")}</p>
      ) : null}

      <section className="mt-6" aria-labelledby="roster-heading">
        <h2 id="roster-heading" className="text-lg font-semibold">
          {t("teams.roster")}
        </h2>
        {showContacts ? null : <p className="mt-1 text-sm text-slate-600">{t("teams.contactsHidden")}</p>}
        {canManage && actionData?.gone && actionData.conflict ? (
          <div className="mt-3">
            <MemberGonePanel
              name={actionData.gone.name}
              conflict={actionData.conflict}
              edited={actionData.intent === "update-member" ? actionData.result : null}
              units={units}
            />
          </div>
        ) : null}
        <div className="mt-3">
          <TeamRoster
            members={team.members}
            canManage={canManage}
            units={units}
            startedAt={startedAt}
            savedByViewer={savedByViewer}
            lastResultFor={(id) => lastFor("update-member", id)}
            conflictFor={(intent, id) => conflictFor(intent, id)}
          />
        </div>
      </section>

      {canManage ? (
        <section className="card mt-6" aria-labelledby="add-member-heading">
          <h2 id="add-member-heading" className="text-lg font-semibold">
            {t("teams.addMember")}
          </h2>
          <div className="mt-3">
            <MemberForm lastResult={lastFor("add-member")} units={units} />
          </div>
        </section>
      ) : null}
    </>
  );
}
