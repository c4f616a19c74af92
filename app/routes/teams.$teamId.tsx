import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { TeamForm } from "~/components/team-form";
import { MemberForm } from "~/components/team-member-form";
import { TeamRoster } from "~/components/team-roster";
import { formatDate } from "~/domain/i18n";
import { can } from "~/domain/policy";
import { addMemberSchema, removeMemberSchema, updateMemberSchema, updateTeamSchema } from "~/domain/schemas/team";
import * as teams from "~/models/team.server";
import { assertCan, auditActor, notFound, requireUser, toActor } from "~/utils/auth.server";
import { flashToast, type Toast } from "~/utils/session.server";
import { parseForm } from "~/utils/parse-form.server";

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
  return json({ team, units, canManage, showContacts });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await teams.getTeamScope(params.teamId ?? "");
  if (!team) throw notFound();
  assertCan(user, "team.manage", { campusId: team.campusId });
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const memberId = formData.get("memberId");
  // a member id must name a member of this very team, whatever else the form says
  if (intent === "update-member" || intent === "remove-member") {
    if (typeof memberId !== "string" || !(await teams.isMemberOfTeam(team.id, memberId))) throw notFound();
  }
  const actor = auditActor(user, context);
  const done = async (toast: Toast) =>
    redirect(`/teams/${team.id}`, { headers: { "Set-Cookie": await flashToast(request, toast) } });

  switch (intent) {
    case "update-team": {
      const submission = parseForm(formData, updateTeamSchema);
      if (submission.status !== "success") return json({ intent, memberId: null, result: submission.reply() }, { status: 400 });
      await teams.updateTeam(team, submission.value, actor);
      return done({ type: "success", key: "teams.updated" });
    }
    case "add-member":
    case "update-member": {
      const schema = intent === "add-member" ? addMemberSchema : updateMemberSchema;
      const submission = parseForm(formData, schema);
      const id = intent === "update-member" ? (memberId as string) : null;
      if (submission.status !== "success") return json({ intent, memberId: id, result: submission.reply() }, { status: 400 });
      const result = id
        ? await teams.updateMember(team, id, submission.value, actor)
        : await teams.addMember(team, submission.value, actor);
      if (!result.ok && "reason" in result) throw notFound();
      if (!result.ok) {
        const reply = submission.reply({ fieldErrors: { [result.field]: [result.message] } });
        return json({ intent, memberId: id, result: reply }, { status: 400 });
      }
      const key = id ? "teams.memberUpdated" : "teams.memberAdded";
      return done({ type: "success", key, params: { name: result.member.name } });
    }
    case "remove-member": {
      const submission = parseForm(formData, removeMemberSchema);
      if (submission.status !== "success") throw new Response("Bad Request", { status: 400 });
      const removed = await teams.removeMember(team, submission.value.memberId, actor);
      if (!removed) throw notFound();
      return done({ type: "success", key: "teams.memberRemoved", params: { name: removed.name } });
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function TeamPage() {
  const { team, units, canManage, showContacts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const lastFor = (intent: string, memberId: string | null = null) =>
    actionData && actionData.intent === intent && actionData.memberId === memberId ? actionData.result : undefined;
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
        <dd className="whitespace-pre-line">{team.mandate ?? "–"}</dd>
      </dl>
      {canManage ? (
        <details className="card mt-3" open={!!lastFor("update-team")}>
          <summary className="cursor-pointer font-semibold text-brand-700">{t("teams.edit")}</summary>
          <div className="mt-3">
            <TeamForm
              intent="update-team"
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
        <div className="mt-3">
          <TeamRoster
            members={team.members}
            canManage={canManage}
            units={units}
            lastResultFor={(id) => lastFor("update-member", id)}
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
