import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { TeamForm } from "~/components/team-form";
import { MemberForm } from "~/components/team-member-form";
import { MemberGonePanel, TeamRoster } from "~/components/team-roster";
import { openedSince, type RecordConflict } from "~/domain/conflict";
import { formatDate } from "~/domain/i18n";
import { can } from "~/domain/policy";
import { addMemberSchema, removeMemberSchema, updateMemberSchema, updateTeamSchema } from "~/domain/schemas/team";
import * as teams from "~/models/team.server";
import { assertCan, auditActor, notFound, requireUser, toActor } from "~/utils/auth.server";
import { flashToast, type Toast } from "~/utils/session.server";
import { parseForm } from "~/utils/parse-form.server";
import { readFormData } from "~/utils/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.team.name ?? "Tim Bersama"} · Kolaborasi Banten` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const scope = await teams.getTeamScope(params.teamId ?? "");
  if (!scope) throw notFound();
  const resource = { campusId: scope.campusId };
  assertCan(user, "campus.read", resource);
  const actor = toActor(user);
  const canManage = can(actor, "team.manage", resource);
  const showContacts = canManage || can(actor, "team.contacts.read", resource);
  const [team, units] = await Promise.all([
    teams.getTeamWithRoster(scope.id, { withContacts: showContacts }),
    canManage ? teams.listGovernmentUnits() : Promise.resolve<teams.GovernmentUnit[]>([]),
  ]);
  if (!team) throw notFound();
  // changes saved after this moment are the ones the user has not seen (listed on a conflict)
  return json({ team, units, canManage, showContacts, startedAt: new Date().toISOString() });
}

type ActionData = {
  intent: string;
  memberId: string | null;
  result: SubmissionResult<string[]> | null;
  /** the save was refused: someone changed the record after the page was opened */
  conflict: RecordConflict | null;
  /** the member the form was about has been removed from the team meanwhile */
  gone: { name: string | null } | null;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await teams.getTeamScope(params.teamId ?? "");
  if (!team) throw notFound();
  assertCan(user, "team.manage", { campusId: team.campusId });
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "");
  const rawMemberId = formData.get("memberId");
  const memberId = typeof rawMemberId === "string" ? rawMemberId : null;
  const actor = auditActor(user, context);
  const reply = (status: number, data: Partial<ActionData>) =>
    json<ActionData>({ intent, memberId: null, result: null, conflict: null, gone: null, ...data }, { status });
  const done = async (toast: Toast) =>
    redirect(`/teams/${team.id}`, { headers: { "Set-Cookie": await flashToast(request, toast) } });
  /** 409: the member changed (or left the team) after the page was opened; the input is kept */
  const memberConflict = async (id: string, result: SubmissionResult<string[]> | null, outcome: teams.Gone | teams.Stale) => {
    const changes = await teams.memberChangesSince(id, openedSince(String(formData.get("startedAt") ?? "")));
    if (outcome.reason === "removed") {
      return reply(409, { memberId: id, result, conflict: { version: null, changes }, gone: { name: await teams.removedMemberName(team.id, id) } });
    }
    return reply(409, { memberId: id, result, conflict: { version: outcome.version, changes } });
  };

  // a member id must name a member of this very team (or one removed from it), whatever else the form says
  if (intent === "update-member" || intent === "remove-member") {
    const state = memberId ? await teams.memberState(team.id, memberId) : "unknown";
    if (state === "unknown") throw notFound();
    if (state === "removed") {
      const result = intent === "update-member" ? parseForm(formData, updateMemberSchema).reply() : null;
      return memberConflict(memberId!, result, { ok: false, reason: "removed" });
    }
  }

  switch (intent) {
    case "update-team": {
      const submission = parseForm(formData, updateTeamSchema);
      if (submission.status !== "success") return reply(400, { result: submission.reply() });
      const saved = await teams.updateTeam(team, submission.value, actor);
      if (!saved.ok) {
        const changes = await teams.teamChangesSince(team.id, openedSince(submission.value.startedAt));
        return reply(409, { result: submission.reply(), conflict: { version: saved.version, changes } });
      }
      return done({ type: "success", key: "teams.updated" });
    }
    case "add-member": {
      const submission = parseForm(formData, addMemberSchema);
      if (submission.status !== "success") return reply(400, { result: submission.reply() });
      const added = await teams.addMember(team, submission.value, actor);
      if (!added.ok) return reply(400, { result: submission.reply({ fieldErrors: { [added.field]: [added.message] } }) });
      return done({ type: "success", key: "teams.memberAdded", params: { name: added.member.name } });
    }
    case "update-member": {
      const id = memberId!;
      const submission = parseForm(formData, updateMemberSchema);
      if (submission.status !== "success") return reply(400, { memberId: id, result: submission.reply() });
      const saved = await teams.updateMember(team, id, submission.value, actor);
      if (!saved.ok && "reason" in saved) return memberConflict(id, submission.reply(), saved);
      if (!saved.ok) {
        return reply(400, { memberId: id, result: submission.reply({ fieldErrors: { [saved.field]: [saved.message] } }) });
      }
      return done({ type: "success", key: "teams.memberUpdated", params: { name: saved.member.name } });
    }
    case "remove-member": {
      const submission = parseForm(formData, removeMemberSchema);
      if (submission.status !== "success") throw new Response("Bad Request", { status: 400 });
      const removed = await teams.removeMember(team, submission.value.memberId, submission.value.version, actor);
      if (!removed.ok) return memberConflict(submission.value.memberId, null, removed);
      return done({ type: "success", key: "teams.memberRemoved", params: { name: removed.name } });
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function TeamPage() {
  const { team, units, canManage, showContacts, startedAt } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
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
            {/* a new version (saved here or elsewhere) reopens the form on the saved values */}
            <TeamForm
              key={teamConflict?.version ?? team.version}
              intent="update-team"
              version={team.version}
              startedAt={startedAt}
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
