import { Link } from "@remix-run/react";
import type { RecordConflict } from "~/domain/conflict";
import { formatDate, formatDateTime, isMessageKey, labelKey } from "~/domain/i18n";
import { formatAuditValue } from "./audit-changes";
import { ConflictDiscardLink, ConflictPanel } from "./conflict-panel";
import { useLocale, useT } from "./i18n";
import { MilestoneBadge } from "./status";

type Evidence = { id: string; kind: string; url: string | null; fileName: string | null; createdAt: string };

/** Evidence links open in a new tab; files go through /evidence/:id, which checks access again. */
export function MilestoneEvidence({ evidence }: { evidence: Evidence[] }) {
  const t = useT();
  const locale = useLocale();
  if (evidence.length === 0) return <p className="text-sm text-slate-600">{t("milestone.noEvidence")}</p>;
  return (
    <ul className="space-y-1 text-sm" data-testid="milestone-evidence">
      {evidence.map((e) => (
        <li key={e.id} className="break-words">
          {e.kind === "LINK" ? (
            <a className="break-all text-brand-700 underline" href={e.url ?? "#"} rel="noopener noreferrer nofollow" target="_blank">
              {e.url}
            </a>
          ) : (
            <a className="text-brand-700 underline" href={`/evidence/${e.id}`}>
              📎 {e.fileName}
            </a>
          )}{" "}
          <span className="text-slate-500">· {formatDate(e.createdAt, locale)}</span>
        </li>
      ))}
    </ul>
  );
}

type Submission = {
  submittedAt: string | null;
  submittedBy: string | null;
  selfAssessment: string | null;
  submissionNote: string | null;
};

export function MilestoneSubmission({
  submission,
  evidence,
  showEvidence,
}: {
  submission: Submission;
  evidence: Evidence[];
  showEvidence: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  if (!submission.submittedAt) return <p className="text-slate-600">{t("milestone.notSubmittedYet")}</p>;
  return (
    <div className="space-y-2" data-testid="milestone-submission">
      <p className="text-sm text-slate-600">
        {t("milestone.submittedBy", { name: submission.submittedBy ?? "–", date: formatDateTime(submission.submittedAt, locale) })}
      </p>
      <div>
        <h3 className="font-semibold">{t("milestone.selfAssessment")}</h3>
        <p className="whitespace-pre-line">{submission.selfAssessment}</p>
      </div>
      {submission.submissionNote ? (
        <div>
          <h3 className="font-semibold">{t("milestone.submissionNote")}</h3>
          <p className="whitespace-pre-line">{submission.submissionNote}</p>
        </div>
      ) : null}
      {showEvidence ? (
        <div>
          <h3 className="font-semibold">{t("evidence.title")}</h3>
          <MilestoneEvidence evidence={evidence} />
        </div>
      ) : null}
    </div>
  );
}

type Evaluation = {
  decision: string | null;
  relevanceScore: number | null;
  sustainabilityScore: number | null;
  feedback: string | null;
  reviewedAt: string | null;
  reviewer: { name: string } | null;
};

export type Round = {
  id: string;
  at: string;
  by: string | null;
  kind: "submitted" | "evaluated";
  decision: string | null;
  relevanceScore: number | null;
  sustainabilityScore: number | null;
  feedback: string | null;
  selfAssessment: string | null;
};

function Scores({ relevance, sustainability }: { relevance: number | null; sustainability: number | null }) {
  const t = useT();
  if (relevance === null && sustainability === null) return null;
  return (
    <p className="text-sm font-medium" data-testid="milestone-scores">
      {t("milestone.scores", { relevance: relevance ?? "–", sustainability: sustainability ?? "–" })}
    </p>
  );
}

/** The current evaluation, or, while a resubmission waits, the feedback it answers. */
export function MilestoneEvaluation({ evaluation, previous }: { evaluation: Evaluation; previous: Round | null }) {
  const t = useT();
  const locale = useLocale();
  if (!evaluation.decision) {
    return (
      <div className="space-y-2">
        <p className="text-slate-600">{t("milestone.notEvaluatedYet")}</p>
        {previous?.feedback ? (
          <div className="rounded-md border-l-4 border-amber-500 bg-amber-50 px-3 py-2" data-testid="previous-feedback">
            <p className="text-sm font-semibold text-amber-900">{t("milestone.previousFeedback", { date: formatDate(previous.at, locale) })}</p>
            <p className="whitespace-pre-line">{previous.feedback}</p>
          </div>
        ) : null}
      </div>
    );
  }
  return (
    <div className="space-y-2" data-testid="milestone-evaluation">
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <MilestoneBadge state={evaluation.decision} />
        {t("milestone.evaluatedBy", { name: evaluation.reviewer?.name ?? "–", date: formatDateTime(evaluation.reviewedAt, locale) })}
      </p>
      <Scores relevance={evaluation.relevanceScore} sustainability={evaluation.sustainabilityScore} />
      {evaluation.feedback ? (
        <div>
          <h3 className="font-semibold">{t("milestone.feedback")}</h3>
          <p className="whitespace-pre-line" data-testid="milestone-feedback">{evaluation.feedback}</p>
        </div>
      ) : null}
    </div>
  );
}

/** Every submission and evaluation, newest first: earlier feedback stays readable after a resubmission. */
export function MilestoneRounds({ rounds }: { rounds: Round[] }) {
  const t = useT();
  const locale = useLocale();
  if (rounds.length === 0) return <p className="text-slate-600">{t("milestone.historyNone")}</p>;
  return (
    <ol className="space-y-2" data-testid="milestone-rounds">
      {rounds.map((r) => (
        <li key={r.id} className="card text-sm">
          <p className="flex flex-wrap items-center gap-2 text-slate-600">
            <span>{formatDateTime(r.at, locale)}</span>
            {r.kind === "submitted" ? (
              <strong className="text-slate-900">{t("milestone.round.submitted", { name: r.by ?? t("audit.system") })}</strong>
            ) : (
              <strong className="text-slate-900">
                {t("milestone.round.evaluated", {
                  name: r.by ?? t("audit.system"),
                  decision: r.decision ? t(labelKey("milestone.state", r.decision)) : "–",
                })}
              </strong>
            )}
          </p>
          {r.kind === "submitted" && r.selfAssessment ? <p className="mt-1 whitespace-pre-line">{r.selfAssessment}</p> : null}
          {r.kind === "evaluated" ? (
            <div className="mt-1 space-y-1">
              <Scores relevance={r.relevanceScore} sustainability={r.sustainabilityScore} />
              {r.feedback ? <p className="whitespace-pre-line">{r.feedback}</p> : null}
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

type Header = {
  title: string;
  state: string;
  dueDate: string;
  successCriteria: string | null;
  description: string | null;
  item: { id: string; title: string; campus: { slug: string; name: string } } | null;
  agreement: { title: string } | null;
};

/** Title, state, due date and what the milestone is about, with the way back to its item. */
export function MilestoneHeader({ milestone: m, overdue }: { milestone: Header; overdue: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <header>
        <p>
          {m.item ? (
            <Link to={`/items/${m.item.id}`} className="text-sm text-brand-700 underline">
              ← {m.item.title}
            </Link>
          ) : (
            <span className="text-sm text-slate-600">{m.agreement?.title}</span>
          )}
        </p>
        <h1 className="mt-1 text-2xl font-bold">{m.title}</h1>
        <p className="mt-2 flex flex-wrap items-center gap-2">
          <span className="sr-only">{t("milestone.status")}:</span>
          <span data-testid="milestone-state">
            <MilestoneBadge state={m.state} />
          </span>
          <span className="text-sm text-slate-600">{t("milestone.due", { date: formatDate(m.dueDate, locale) })}</span>
          {overdue ? <span className="text-sm font-semibold text-red-700">{t("milestone.overdue")}</span> : null}
        </p>
      </header>

      <section className="card" aria-labelledby="milestone-details">
        <h2 id="milestone-details" className="sr-only">
          {t("milestone.successCriteria")}
        </h2>
        <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          {m.item ? (
            <>
              <dt className="text-slate-600">{t("milestone.item")}</dt>
              <dd>
                <Link className="underline" to={`/items/${m.item.id}`}>
                  {m.item.title}
                </Link>
              </dd>
              <dt className="text-slate-600">{t("milestone.campus")}</dt>
              <dd>
                <Link className="underline" to={`/campuses/${m.item.campus.slug}`}>
                  {m.item.campus.name}
                </Link>
              </dd>
            </>
          ) : (
            <>
              <dt className="text-slate-600">{t("milestone.agreement")}</dt>
              <dd>{m.agreement?.title ?? "–"}</dd>
            </>
          )}
          <dt className="text-slate-600">{t("milestone.dueDate")}</dt>
          <dd>{formatDate(m.dueDate, locale)}</dd>
          <dt className="text-slate-600">{t("milestone.successCriteria")}</dt>
          <dd className="whitespace-pre-line">{m.successCriteria ?? "–"}</dd>
          {m.description ? (
            <>
              <dt className="text-slate-600">{t("milestone.description")}</dt>
              <dd className="whitespace-pre-line">{m.description}</dd>
            </>
          ) : null}
        </dl>
      </section>
    </>
  );
}

/**
 * A refused submission or evaluation: who submitted or evaluated the milestone after the page was
 * opened, and what they recorded. The user's input stays in the form below it.
 */
export function MilestoneConflict({ conflict }: { conflict: RecordConflict }) {
  const t = useT();
  const locale = useLocale();
  const labels: Record<string, string> = {
    state: t("milestone.status"),
    decision: t("milestone.decision"),
    relevanceScore: t("milestone.relevanceScore"),
    sustainabilityScore: t("milestone.sustainabilityScore"),
    feedback: t("milestone.feedback"),
    selfAssessment: t("milestone.selfAssessment"),
    submissionNote: t("milestone.submissionNote"),
    evidence: t("evidence.title"),
  };
  const describe = (field: string, value: unknown) => {
    const key = `milestone.state.${String(value)}`;
    if ((field === "state" || field === "decision") && isMessageKey(key)) return t(key);
    return formatAuditValue(value, t, locale);
  };
  return (
    <ConflictPanel
      title={t("milestone.conflictTitle")}
      conflict={conflict}
      fieldLabel={(field) => labels[field] ?? field}
      describe={describe}
      headingLevel={3}
    >
      <ConflictDiscardLink />
    </ConflictPanel>
  );
}
