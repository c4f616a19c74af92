import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import type { z } from "zod";
import { formatDate, formatDateTime } from "~/domain/i18n";
import { commentSchema, resolveObstacleSchema } from "~/domain/schemas/progress";
import { AuditChanges } from "./audit-changes";
import { ErrorList, FormIdField, SubmitButton, TextareaField } from "./forms";
import { useLocale, useT } from "./i18n";
import { MilestoneBadge, StatusBadge } from "./status";
import { isMilestoneOverdue } from "~/domain/status";

type Update = {
  id: string;
  reportedOn: string;
  progress: number;
  status: string;
  narrative: string;
  achievements: string | null;
  obstacles: string | null;
  nextSteps: string | null;
  correctsId: string | null;
  author: { name: string };
  evidence: { id: string; kind: string; url: string | null; fileName: string | null }[];
};

/** How many of the latest updates the item page shows open; older ones are behind a disclosure. */
export const LATEST_UPDATES_SHOWN = 3;

export function UpdateList({ updates, showEvidence }: { updates: Update[]; showEvidence: boolean }) {
  const t = useT();
  if (updates.length === 0) return <p className="text-slate-600">{t("item.noUpdates")}</p>;
  const dateOf = new Map(updates.map((u) => [u.id, u.reportedOn]));
  const older = updates.slice(LATEST_UPDATES_SHOWN);
  return (
    <>
      <UpdateItems updates={updates.slice(0, LATEST_UPDATES_SHOWN)} dateOf={dateOf} showEvidence={showEvidence} testId="update-list" />
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
  updates: Update[];
  dateOf: Map<string, string>;
  showEvidence: boolean;
  testId: string;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <ol className="space-y-3" data-testid={testId}>
      {updates.map((u) => (
        <li key={u.id} className="card">
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
      ))}
    </ol>
  );
}

type Obstacle = {
  id: string;
  description: string;
  ownerName: string | null;
  dueDate: string | null;
  status: string;
  resolution: string | null;
  resolvedAt: string | null;
  needsGovernorOffice: boolean;
};

/** The Conform id of an obstacle's resolve form: replies and restored drafts go to the form by it. */
export const resolveObstacleFormId = (obstacleId: string) => `resolve-obstacle-${obstacleId}`;

type Defaults = Record<string, string | string[]> | null;

export function ObstacleList({
  obstacles,
  canResolve,
  today,
  lastResult,
  restoredInto,
}: {
  obstacles: Obstacle[];
  canResolve: boolean;
  today: string;
  /** the refused resolution of one obstacle */
  lastResult?: { obstacleId: string; result: SubmissionResult<string[]> } | null;
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
          <li key={o.id} className="card border-l-4 border-l-amber-500">
            <p className="whitespace-pre-line">{o.description}</p>
            <p className="mt-1 text-sm text-slate-600">
              {[o.ownerName, o.dueDate ? `${t("obstacle.dueDate")}: ${formatDate(o.dueDate, locale)}` : null].filter(Boolean).join(" · ")}
              {o.dueDate && o.dueDate < today ? <span className="ml-2 font-semibold text-red-700">{t("obstacle.overdue")}</span> : null}
              {o.needsGovernorOffice ? <span className="ml-2 font-semibold text-sky-800">{t("obstacle.needsGovernorOffice")}</span> : null}
            </p>
            {canResolve ? (
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
        <ul className="space-y-1 text-sm text-slate-700">
          {resolved.map((o) => (
            <li key={o.id}>
              <s>{o.description}</s> — {t("obstacle.resolvedOn", { date: formatDate(o.resolvedAt, locale), resolution: o.resolution ?? "" })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
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
  const [form, fields] = useForm<z.output<typeof resolveObstacleSchema>, Record<string, unknown>>({
    id: resolveObstacleFormId(obstacleId),
    lastResult,
    defaultValue: defaultValue ?? undefined,
    constraint: getZodConstraint(resolveObstacleSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resolveObstacleSchema }),
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
  milestones: { id: string; title: string; dueDate: string; state: string; feedback: string | null }[];
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
  comments: { id: string; body: string; createdAt: string; author: { name: string } }[];
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
  const [form, fields] = useForm<z.output<typeof commentSchema>, Record<string, unknown>>({
    id: COMMENT_FORM_ID,
    lastResult,
    defaultValue: defaultValue ?? undefined,
    constraint: getZodConstraint(commentSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: commentSchema }),
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
  events: { id: string; action: string; entity: string; createdAt: string; before: string | null; after: string | null; actor: { name: string } | null }[];
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
