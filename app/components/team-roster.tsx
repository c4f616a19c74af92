import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { RecordChange, RecordConflict } from "~/domain/conflict";
import { MEMBER_SIDES, type MemberRole, type MemberSide } from "~/domain/enums";
import { ConflictDiscardLink, ConflictPanel, useOpenedVersion, VersionFields } from "./conflict-panel";
import { useT } from "./i18n";
import { IntentSubmitButton } from "./team-fields";
import { MemberForm, useMemberFieldText, type GovernmentUnitOption } from "./team-member-form";

export type RosterMember = {
  id: string;
  name: string;
  side: MemberSide;
  role: MemberRole;
  position: string | null;
  organization: string | null;
  governmentUnitId: string | null;
  governmentUnit: { name: string; abbreviation: string | null } | null;
  /** raised by every edit; the edit and remove forms carry the one they were opened at */
  version: number;
  /** null when the reader may not see contacts (the loader does not send them) */
  email: string | null;
  phone: string | null;
};

const ROLE_STYLE: Record<MemberRole, string> = {
  KETUA: "bg-brand-700 text-white",
  SEKRETARIS: "bg-sky-100 text-sky-900",
  ANGGOTA: "bg-slate-100 text-slate-800",
};

export function RoleBadge({ role }: { role: MemberRole }) {
  const t = useT();
  return (
    <span className={`shrink-0 rounded px-2 py-0.5 text-xs font-semibold ${ROLE_STYLE[role]}`} data-testid="role-badge">
      {t(`memberRole.${role}`)}
    </span>
  );
}

const SUMMARY = "btn-secondary cursor-pointer list-none [&::-webkit-details-marker]:hidden";

type ConflictFor = (intent: "update-member" | "remove-member", memberId: string) => RecordConflict | null;

/** The team's members grouped by side (campus, government, industry), with edit and remove for managers. */
export function TeamRoster({
  members,
  canManage,
  units,
  startedAt,
  savedByViewer = [],
  lastResultFor,
  conflictFor,
}: {
  members: readonly RosterMember[];
  canManage: boolean;
  units: readonly GovernmentUnitOption[];
  /** when the page was loaded: the forms' changes are checked against what was seen then */
  startedAt: string;
  /** members whose latest change the viewer made (their forms may reopen on it) */
  savedByViewer?: readonly string[];
  lastResultFor: (memberId: string) => SubmissionResult<string[]> | undefined;
  conflictFor: ConflictFor;
}) {
  const t = useT();
  return (
    <div className="space-y-6">
      {MEMBER_SIDES.map((side) => {
        const group = members.filter((m) => m.side === side);
        const headingId = `side-${side}`;
        return (
          <section key={side} aria-labelledby={headingId} data-testid={`roster-${side}`}>
            <h3 id={headingId} className="font-semibold">
              {t(`memberSide.${side}`)} <span className="font-normal text-slate-600">({group.length})</span>
            </h3>
            {group.length === 0 ? (
              <p className="mt-1 text-sm text-slate-600">{t("teams.noMembers")}</p>
            ) : (
              <ul className="mt-2 space-y-3">
                {group.map((m) => (
                  <MemberCard
                    key={m.id}
                    member={m}
                    canManage={canManage}
                    units={units}
                    startedAt={startedAt}
                    savedByViewer={savedByViewer.includes(m.id)}
                    lastResult={lastResultFor(m.id)}
                    editConflict={conflictFor("update-member", m.id)}
                    removeConflict={conflictFor("remove-member", m.id)}
                  />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

function MemberCard({
  member: m,
  canManage,
  units,
  startedAt,
  savedByViewer,
  lastResult,
  editConflict,
  removeConflict,
}: {
  member: RosterMember;
  canManage: boolean;
  units: readonly GovernmentUnitOption[];
  startedAt: string;
  savedByViewer: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
  editConflict: RecordConflict | null;
  removeConflict: RecordConflict | null;
}) {
  const t = useT();
  const text = useMemberFieldText(units);
  const opened = useOpenedVersion(m.version, startedAt, savedByViewer);
  const affiliation = [m.side === "GOVERNMENT" ? m.governmentUnit?.name : null, m.organization].filter(Boolean).join(" · ");
  return (
    <li className="card" id={`member-card-${m.id}`} data-testid="team-member">
      <div className="flex items-start justify-between gap-2">
        <p className="font-semibold">{m.name}</p>
        <RoleBadge role={m.role} />
      </div>
      {m.position ? <p className="text-sm text-slate-700">{m.position}</p> : null}
      {affiliation ? <p className="text-sm text-slate-600">{affiliation}</p> : null}
      {m.email || m.phone ? (
        <p className="mt-1 flex flex-wrap gap-x-4 text-sm" data-testid="member-contacts">
          {m.email ? (
            <a className="break-all text-brand-700 underline" href={`mailto:${m.email}`}>
              {m.email}
            </a>
          ) : null}
          {m.phone ? (
            <a className="text-brand-700 underline" href={`tel:${m.phone.replace(/ /g, "")}`}>
              {m.phone}
            </a>
          ) : null}
        </p>
      ) : null}
      {canManage ? (
        <div className="mt-3 space-y-2">
          <details open={!!lastResult}>
            <summary className={SUMMARY}>
              {t("teams.editMember")}
              <span className="sr-only"> {m.name}</span>
            </summary>
            <div className="mt-3">
              <h4 className="mb-2 font-semibold">{t("teams.editMemberTitle", { name: m.name })}</h4>
              {/* the viewer's own save reopens the form on the saved values; someone else's meets
                  the version check instead of replacing what is being typed */}
              <MemberForm
                key={editConflict?.version ?? opened.version}
                memberId={m.id}
                version={opened.version}
                startedAt={opened.startedAt}
                conflict={editConflict}
                lastResult={lastResult}
                units={units}
                defaultValue={{
                  name: m.name,
                  side: m.side,
                  role: m.role,
                  position: m.position ?? "",
                  organization: m.organization ?? "",
                  governmentUnitId: m.governmentUnitId ?? "",
                  email: m.email ?? "",
                  phone: m.phone ?? "",
                }}
              />
            </div>
          </details>
          {/* a second, explicit submit confirms the removal, with or without JavaScript */}
          <details open={!!removeConflict}>
            <summary className={SUMMARY}>
              {t("teams.removeMember")}
              <span className="sr-only"> {m.name}</span>
            </summary>
            <Form method="post" className="mt-3 space-y-2 rounded-md border border-red-200 bg-red-50 p-3">
              <input type="hidden" name="intent" value="remove-member" />
              <input type="hidden" name="memberId" value={m.id} />
              <VersionFields version={opened.version} startedAt={opened.startedAt} conflict={removeConflict} />
              {removeConflict ? (
                <ConflictPanel
                  title={t("teams.memberConflictTitle", { name: m.name })}
                  intro={t("teams.removeConflictIntro")}
                  conflict={removeConflict}
                  fieldLabel={text.fieldLabel}
                  describe={text.describe}
                  headingLevel={4}
                />
              ) : null}
              <p className="text-sm text-red-900">{t("teams.removeConfirm", { name: m.name })}</p>
              <IntentSubmitButton intent="remove-member" memberId={m.id} className="btn bg-red-700 hover:bg-red-800">
                {t(removeConflict ? "teams.removeAnyway" : "teams.removeConfirmSubmit")}
              </IntentSubmitButton>
            </Form>
          </details>
        </div>
      ) : null}
    </li>
  );
}

/**
 * The member a form was about was removed from the team meanwhile: who removed them, and (for an
 * edit) the user's input in an add form, so nothing typed is lost.
 */
export function MemberGonePanel({
  name,
  conflict,
  edited,
  units,
}: {
  name: string | null;
  conflict: RecordConflict;
  /** the refused edit, when the user was editing (not removing) the member */
  edited: SubmissionResult<string[]> | null;
  units: readonly GovernmentUnitOption[];
}) {
  const t = useT();
  const text = useMemberFieldText(units);
  const shownName = name ?? t("teams.unknownMember");
  const summarize = (change: RecordChange) =>
    change.action === "delete" ? t("teams.memberRemovedChange", { name: String(change.before?.name ?? shownName) }) : null;
  return (
    <div className="card space-y-3" data-testid="member-gone">
      <ConflictPanel
        title={t("teams.memberGoneTitle", { name: shownName })}
        intro={t(edited ? "teams.memberGoneEdit" : "teams.memberGoneRemove")}
        conflict={conflict}
        fieldLabel={text.fieldLabel}
        describe={text.describe}
        summarize={summarize}
        headingLevel={3}
      >
        {edited ? <ConflictDiscardLink /> : null}
      </ConflictPanel>
      {edited ? <MemberForm formId="readd-member" lastResult={edited} units={units} submitLabel={t("teams.readdMember")} /> : null}
    </div>
  );
}
