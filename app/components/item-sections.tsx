import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { toIsoDate } from "~/domain/dates";
import { formatDate, formatDateTime } from "~/domain/i18n";
import { AuditChanges } from "./audit-changes";
import { ErrorList, FormIdField, SelectField, SubmitButton, TextField, TextareaField } from "./forms";
import { useLocale, useT } from "./i18n";
import { MilestoneBadge, StatusBadge } from "./status";
import { isMilestoneOverdue, isObstaclePastDue } from "~/domain/status";
import { mergeItemHistory, type HistoryEntry } from "~/domain/item-history";
import { assignObstacleForm } from "~/domain/schemas/constraints/assign-obstacle.generated";
import { commentForm } from "~/domain/schemas/constraints/comment.generated";
import { governmentNoteForm } from "~/domain/schemas/constraints/government-note.generated";
import { resolveObstacleForm } from "~/domain/schemas/constraints/resolve-obstacle.generated";
import { useValidatedForm } from "./use-lazy-validation";

type Update = {
  id: string;
  reportedOn: Date | string;
  progress: number;
  status: string;
  narrative: string;
  achievements: string | null;
  obstacles: string | null;
  nextSteps: string | null;
  correctsId: string | null;
  author: { name: string };
  evidence: { id: string; kind: string; url: string | null; fileName: string | null }[];
  createdAt: Date | string;
};

/** A government unit's note, in the item's history beside the updates. */
type Note = { id: string; body: string; createdAt: Date | string; author: { name: string }; unit: { code: string; name: string; abbreviation: string | null } };
type Entry = HistoryEntry<Update, Note>;

/** How many of the latest updates (and notes) the item page shows open; older ones are behind a disclosure. */
export const LATEST_UPDATES_SHOWN = 3;

/** The item's history: the campus's progress updates and the government units' notes, newest first. */
export function UpdateList({
  updates,
  notes = [],
  reports = updates,
  showEvidence,
}: {
  updates: Update[];
  notes?: Note[];
  /** every report's day, when `updates` is only the newest part of the history (a correction names the day of the report it corrects) */
  reports?: readonly { id: string; reportedOn: Date | string }[];
  showEvidence: boolean;
}) {
  const t = useT();
  if (updates.length === 0 && notes.length === 0) return <p className="text-slate-600">{t("item.noUpdates")}</p>;
  const dateOf = new Map(reports.map((u) => [u.id, u.reportedOn]));
  const entries = mergeItemHistory(updates, notes);
  const older = entries.slice(LATEST_UPDATES_SHOWN);
  return (
    <>
      <UpdateItems updates={entries.slice(0, LATEST_UPDATES_SHOWN)} dateOf={dateOf} showEvidence={showEvidence} testId="update-list" />
      {older.length ? (
        <details className="mt-3" data-testid="older-updates">
          <summary className="btn-secondary cursor-pointer">{t("item.olderUpdates", { count: older.length })}</summary>
          <div className="mt-3">
            <UpdateItems updates={older} dateOf={dateOf} showEvidence={showEvidence} testId="update-list-older" />
          </div>
        </details>
      ) : null}
    </>
  );
}

function UpdateItems({
  updates,
  dateOf,
  showEvidence,
  testId,
}: {
  updates: Entry[];
  dateOf: Map<string, Date | string>;
  showEvidence: boolean;
  testId: string;
}) {
  return (
    <ol className="space-y-3" data-testid={testId}>
      {updates.map((entry) => entry.kind === "note" ? <NoteItem key={entry.entry.id} note={entry.entry} /> : <UpdateItem key={entry.entry.id} u={entry.entry} dateOf={dateOf} showEvidence={showEvidence} />)}
    </ol>
  );
}

/** A government unit's note: marked as the unit's ("Catatan Bappeda"), never a progress report. */
function NoteItem({ note }: { note: Note }) {
  const t = useT();
  const locale = useLocale();
  return (
    <li id={`note-${note.id}`} className="card border-l-4 border-l-sky-700" data-testid="government-note">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <strong>{formatDate(note.createdAt, locale)}</strong>
        <span className="rounded bg-sky-100 px-2 font-semibold text-sky-900">{t("governmentNote.badge", { unit: note.unit.abbreviation ?? note.unit.name })}</span>
        <span className="text-slate-600">{t("governmentNote.by", { name: note.author.name })}</span>
      </p>
      <p className="mt-2 whitespace-pre-line">{note.body}</p>
    </li>
  );
}

function UpdateItem({ u, dateOf, showEvidence }: { u: Update; dateOf: Map<string, Date | string>; showEvidence: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
        <li className="card">
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <strong>{formatDate(u.reportedOn, locale)}</strong>
            <StatusBadge status={u.status} />
            <span className="tabular-nums">{u.progress}%</span>
            <span className="text-slate-600">{t("progress.by", { name: u.author.name })}</span>
          </p>
          {u.correctsId ? (
            <p className="mt-1 text-sm font-medium text-amber-800">
              {t("progress.correctionOf", { date: formatDate(dateOf.get(u.correctsId) ?? null, locale) })}
            </p>
          ) : null}
          <p className="mt-2 whitespace-pre-line">{u.narrative}</p>
          <dl className="mt-2 space-y-1 text-sm">
            {(
              [
                ["progress.achievements", u.achievements],
                ["progress.obstacles", u.obstacles],
                ["progress.nextSteps", u.nextSteps],
              ] as const
            ).map(([key, text]) =>
              text ? (
                <div key={key}>
                  <dt className="font-semibold">{t(key)}</dt>
                  <dd className="whitespace-pre-line">{text}</dd>
                </div>
              ) : null,
            )}
          </dl>
          {showEvidence && u.evidence.length ? (
            <ul className="mt-2 space-y-1 text-sm">
              {u.evidence.map((e) => (
                <li key={e.id}>
                  {e.kind === "LINK" ? (
                    <a className="break-all text-brand-700 underline" href={e.url ?? "#"} rel="noopener noreferrer nofollow" target="_blank">
                      {e.url}
                    </a>
                  ) : (
                    <a className="text-brand-700 underline" href={`/evidence/${e.id}`}>
                      📎 {e.fileName}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
  );
}

type Obstacle = {
  id: string;
  description: string;
  ownerName: string | null;
  dueDate: Date | string | null;
  status: string;
  resolution: string | null;
  resolvedAt: Date | string | null;
  needsGovernorOffice: boolean;
  ownerSide: string;
  ownerUnitId: string | null;
  assignedAt: Date | string | null;
  ownerUnit: { code: string; name: string; abbreviation: string | null } | null;
  /** the viewer may resolve it (the policy's answer on its owning unit) */
  resolvable: boolean;
};

type Unit = { id: string; name: string; abbreviation: string | null };

/** The Conform id of an obstacle's resolve form: replies and restored drafts go to the form by it. */
export const resolveObstacleFormId = (obstacleId: string) => `resolve-obstacle-${obstacleId}`;
/** The Conform id of an obstacle's assignment form. */
export const assignObstacleFormId = (obstacleId: string) => `assign-obstacle-${obstacleId}`;

type Defaults = Record<string, string | string[]> | null;
type Refused = { obstacleId: string; result: SubmissionResult<string[]> } | null;

export function ObstacleList({
  obstacles,
  canAssign = false,
  units = [],
  today,
  lastResult,
  lastAssignResult,
  restoredInto,
}: {
  obstacles: Obstacle[];
  /** the viewer may hand obstacles to the campus or a unit */
  canAssign?: boolean;
  /** the active units an obstacle may be handed to */
  units?: Unit[];
  today: string;
  /** the refused resolution of one obstacle */
  lastResult?: Refused;
  /** the refused assignment of one obstacle */
  lastAssignResult?: Refused;
  /** what was typed into a form (by its id) before the session ended */
  restoredInto: (formId: string) => Defaults;
}) {
  const t = useT();
  const locale = useLocale();
  const open = obstacles.filter((o) => o.status === "OPEN");
  const resolved = obstacles.filter((o) => o.status !== "OPEN");
  return (
    <div className="space-y-3">
      {open.length === 0 ? <p className="text-slate-600">{t("obstacle.none")}</p> : null}
      <ul className="space-y-3" data-testid="open-obstacles">
        {open.map((o) => (
          <li key={o.id} id={`obstacle-${o.id}`} className="card border-l-4 border-l-amber-500" data-testid="obstacle">
            <p className="whitespace-pre-line">{o.description}</p>
            <p className="mt-1 text-sm text-slate-600" data-testid="obstacle-owner">
              {t("obstacle.ownedBy")}:{" "}
              {o.ownerSide === "GOVERNMENT" && o.ownerUnit ? (
                <Link className="font-semibold text-brand-700 underline" to={`/units/${o.ownerUnit.code}`}>
                  {o.ownerUnit.abbreviation ? `${o.ownerUnit.name} (${o.ownerUnit.abbreviation})` : o.ownerUnit.name}
                </Link>
              ) : (
                <strong className="text-slate-900">{t("obstacle.ownerSide.CAMPUS")}</strong>
              )}
              {o.ownerName ? ` · ${o.ownerName}` : null}
              {o.dueDate ? ` · ${t("obstacle.dueDate")}: ${formatDate(o.dueDate, locale)}` : null}
              {o.assignedAt ? ` · ${t("obstacle.assignedOn", { date: formatDate(o.assignedAt, locale) })}` : null}
              {isObstaclePastDue({ status: o.status, dueDate: o.dueDate ? new Date(o.dueDate) : null }, new Date(today)) ? (
                <span className="ml-2 font-semibold text-red-700" data-testid="obstacle-past-due">{t("obstacle.overdue")}</span>
              ) : null}
              {o.needsGovernorOffice ? <span className="ml-2 font-semibold text-sky-800">{t("obstacle.needsGovernorOffice")}</span> : null}
            </p>
            {canAssign ? (
              <AssignObstacleForm
                obstacle={o}
                units={units}
                lastResult={lastAssignResult?.obstacleId === o.id ? lastAssignResult.result : null}
                defaultValue={restoredInto(assignObstacleFormId(o.id))}
              />
            ) : null}
            {o.resolvable ? (
              <ResolveObstacleForm
                obstacleId={o.id}
                lastResult={lastResult?.obstacleId === o.id ? lastResult.result : null}
                defaultValue={restoredInto(resolveObstacleFormId(o.id))}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {resolved.length ? (
        <ul className="space-y-1 text-sm text-slate-700" data-testid="resolved-obstacles">
          {resolved.map((o) => (
            <li key={o.id} id={`obstacle-${o.id}`}>
              <s>{o.description}</s>
              {o.ownerUnit ? ` (${o.ownerUnit.abbreviation ?? o.ownerUnit.name})` : null} —{" "}
              {t("obstacle.resolvedOn", { date: formatDate(o.resolvedAt, locale), resolution: o.resolution ?? "" })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Hands an open obstacle to the campus or a government unit; behind a disclosure, open after a refusal. */
function AssignObstacleForm({
  obstacle,
  units,
  lastResult,
  defaultValue,
}: {
  obstacle: Obstacle;
  units: Unit[];
  lastResult: SubmissionResult<string[]> | null;
  defaultValue: Defaults;
}) {
  const t = useT();
  const [form, fields] = useValidatedForm(assignObstacleForm, {
    id: assignObstacleFormId(obstacle.id),
    lastResult,
    defaultValue: defaultValue ?? {
      ownerSide: obstacle.ownerSide,
      ownerUnitId: obstacle.ownerUnitId ?? "",
      ownerName: obstacle.ownerName ?? "",
      dueDate: obstacle.dueDate ? toIsoDate(new Date(obstacle.dueDate)) : "",
    },
    shouldValidate: "onBlur",
  });
  const sideErrors = fields.ownerSide.errors;
  return (
    <details className="mt-2" open={!!lastResult || !!defaultValue}>
      <summary className="btn-secondary cursor-pointer">{t("obstacle.assign.open")}</summary>
      <Form method="post" className="mt-2 space-y-2" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="assign-obstacle" />
        <FormIdField formId={form.id} />
        <input type="hidden" name="obstacleId" value={obstacle.id} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <fieldset aria-describedby={sideErrors ? fields.ownerSide.errorId : undefined}>
          <legend className="font-medium">{t("obstacle.assign.side")}</legend>
          <div className="flex flex-wrap gap-x-4">
            {(["CAMPUS", "GOVERNMENT"] as const).map((side) => (
              <label key={side} className="flex min-h-11 items-center gap-2">
                <input type="radio" name={fields.ownerSide.name} value={side} defaultChecked={fields.ownerSide.initialValue === side} />
                <span>{t(side === "CAMPUS" ? "obstacle.ownerSide.CAMPUS" : "obstacle.ownerSide.GOVERNMENT")}</span>
              </label>
            ))}
          </div>
          <ErrorList id={fields.ownerSide.errorId} errors={sideErrors} />
        </fieldset>
        <SelectField
          label={t("obstacle.assign.unit")}
          field={fields.ownerUnitId}
          placeholder={t("obstacle.assign.chooseUnit")}
          options={units.map((u) => ({ value: u.id, label: u.abbreviation ? `${u.name} (${u.abbreviation})` : u.name }))}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label={t("obstacle.assign.ownerName")} field={fields.ownerName} />
          <TextField label={t("obstacle.dueDate")} field={fields.dueDate} type="date" />
        </div>
        <SubmitButton className="btn-secondary">{t("obstacle.assign.submit")}</SubmitButton>
      </Form>
    </details>
  );
}

function ResolveObstacleForm({
  obstacleId,
  lastResult,
  defaultValue,
}: {
  obstacleId: string;
  lastResult: SubmissionResult<string[]> | null;
  defaultValue: Defaults;
}) {
  const t = useT();
  const [form, fields] = useValidatedForm(resolveObstacleForm, {
    id: resolveObstacleFormId(obstacleId),
    lastResult,
    defaultValue: defaultValue ?? undefined,
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" className="mt-2 space-y-2" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="resolve-obstacle" />
      <FormIdField formId={form.id} />
      <input type="hidden" name="obstacleId" value={obstacleId} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <TextareaField label={t("obstacle.resolution")} field={fields.resolution} rows={2} />
      <SubmitButton className="btn-secondary">{t("obstacle.resolve")}</SubmitButton>
    </Form>
  );
}

export function MilestoneList({
  milestones,
  today,
}: {
  milestones: { id: string; title: string; dueDate: Date | string; state: string; feedback: string | null }[];
  today: string;
}) {
  const t = useT();
  const locale = useLocale();
  if (milestones.length === 0) return <p className="text-slate-600">{t("milestone.none")}</p>;
  return (
    <ul className="space-y-2">
      {milestones.map((m) => (
        <li key={m.id} className="card">
          <p className="flex flex-wrap items-center gap-2">
            <Link to={`/milestones/${m.id}`} className="font-semibold text-brand-700 underline">
              {m.title}
            </Link>
            <MilestoneBadge state={m.state} />
          </p>
          <p className="text-sm text-slate-600">
            {t("milestone.due", { date: formatDate(m.dueDate, locale) })}
            {isMilestoneOverdue({ state: m.state, dueDate: new Date(m.dueDate) }, new Date(today)) ? (
              <span className="ml-2 font-semibold text-red-700">{t("milestone.overdue")}</span>
            ) : null}
          </p>
          {m.state === "RETURNED" && m.feedback ? <p className="mt-1 text-sm text-amber-900">{m.feedback}</p> : null}
        </li>
      ))}
    </ul>
  );
}

/** The Conform id of the comment form: replies and restored drafts go to the form by it. */
export const COMMENT_FORM_ID = "comment";

export function CommentSection({
  comments,
  canComment,
  lastResult,
  defaultValue,
}: {
  comments: { id: string; body: string; createdAt: Date | string; author: { name: string } }[];
  canComment: boolean;
  lastResult?: SubmissionResult<string[]> | null;
  /** a comment typed before the session ended */
  defaultValue?: Defaults;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="space-y-3">
      {comments.length === 0 ? <p className="text-slate-600">{t("comment.none")}</p> : null}
      <ul className="space-y-2">
        {comments.map((c) => (
          <li key={c.id} className="card">
            <p className="text-sm text-slate-600">
              <strong className="text-slate-900">{c.author.name}</strong> · {formatDateTime(c.createdAt, locale)}
            </p>
            <p className="mt-1 whitespace-pre-line">{c.body}</p>
          </li>
        ))}
      </ul>
      {canComment ? (
        // a fresh, empty form once a comment was posted
        <CommentForm key={comments.at(-1)?.id ?? "none"} lastResult={lastResult ?? null} defaultValue={defaultValue ?? null} />
      ) : null}
    </div>
  );
}

function CommentForm({ lastResult, defaultValue }: { lastResult: SubmissionResult<string[]> | null; defaultValue: Defaults }) {
  const t = useT();
  const [form, fields] = useValidatedForm(commentForm, {
    id: COMMENT_FORM_ID,
    lastResult,
    defaultValue: defaultValue ?? undefined,
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" className="space-y-2" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="comment" />
      <FormIdField formId={form.id} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <TextareaField label={t("comment.body")} field={fields.body} rows={3} />
      <SubmitButton className="btn-secondary">{t("comment.post")}</SubmitButton>
    </Form>
  );
}

export function ItemHistory({
  events,
}: {
  events: { id: string; action: string; entity: string; createdAt: Date | string; before: string | null; after: string | null; actor: { name: string } | null }[];
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <ol className="space-y-2 text-sm">
      {events.map((e) => (
        <li key={e.id} className="card">
          <p className="text-slate-600">
            {formatDateTime(e.createdAt, locale)} · <strong className="text-slate-900">{e.actor?.name ?? t("audit.system")}</strong> ·{" "}
            {e.entity} · {e.action}
          </p>
          <AuditChanges before={e.before ? JSON.parse(e.before) : null} after={e.after ? JSON.parse(e.after) : null} />
        </li>
      ))}
    </ol>
  );
}

/** The Conform id of the government note form. */
export const GOVERNMENT_NOTE_FORM_ID = "government-note";

/** A government unit's note on the item (what it delivered or needs). */
export function GovernmentNoteForm({
  lastResult,
  defaultValue,
}: {
  lastResult: SubmissionResult<string[]> | null;
  defaultValue: Defaults;
}) {
  const t = useT();
  const [form, fields] = useValidatedForm(governmentNoteForm, {
    id: GOVERNMENT_NOTE_FORM_ID,
    lastResult,
    defaultValue: defaultValue ?? undefined,
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" className="space-y-2" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="government-note" />
      <FormIdField formId={form.id} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <TextareaField label={t("governmentNote.body")} field={fields.body} rows={3} />
      <p className="text-sm text-slate-600">{t("governmentNote.hint")}</p>
      <SubmitButton className="btn-secondary">{t("governmentNote.post")}</SubmitButton>
    </Form>
  );
}
