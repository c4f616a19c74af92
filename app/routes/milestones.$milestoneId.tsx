import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { MilestoneEvaluation, MilestoneHeader, MilestoneRounds, MilestoneSubmission } from "~/components/milestone-details";
import { MilestoneEvaluateForm } from "~/components/milestone-evaluate-form";
import { MilestoneSubmitForm } from "~/components/milestone-submit-form";
import { openedSince, type RecordConflict } from "~/domain/conflict";
import { todayInBanten } from "~/domain/dates";
import { canEvaluate, canSubmit } from "~/domain/milestone";
import { can } from "~/domain/policy";
import { evaluateMilestoneSchema, submitMilestoneSchema } from "~/domain/schemas/milestone";
import { isMilestoneOverdue } from "~/domain/status";
import {
  evaluateMilestone,
  getMilestoneAccess,
  getMilestonePage,
  milestoneChangesSince,
  milestoneRounds,
  submitMilestone,
} from "~/models/milestone.server";
import { assertCan, assertCanSee, auditActor, forbidden, notFound, requireUser, toActor } from "~/utils/auth.server";
import { flashToast } from "~/utils/session.server";
import { readForm } from "~/utils/uploads.server";
import { parseForm } from "~/utils/parse-form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.milestone.title ?? "Tonggak evaluasi"} · Kolaborasi Banten` },
];

/** The milestone, if the user may see its item (else 404, as for the item itself). */
async function access(request: Request, milestoneId: string | undefined) {
  const user = await requireUser(request);
  const milestone = await getMilestoneAccess(milestoneId ?? "");
  if (!milestone) throw notFound();
  assertCanSee(user, "item.read", milestone);
  return { user, milestone };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, milestone: m } = await access(request, params.milestoneId);
  const [page, rounds] = await Promise.all([getMilestonePage(m.id), milestoneRounds(m.id)]);
  if (!page) throw notFound();
  const actor = toActor(user);
  const internal = can(actor, "item.internal.read", m);
  return json({
    milestone: { ...page, evidence: internal ? page.evidence : [] },
    rounds,
    overdue: isMilestoneOverdue(page, todayInBanten()),
    // changes saved after this moment are the ones the user has not seen (listed on a conflict)
    startedAt: new Date().toISOString(),
    may: {
      internal,
      submit: can(actor, "milestone.submit", m) && canSubmit(page.state),
      evaluate: can(actor, "milestone.evaluate", m) && canEvaluate(page.state),
    },
  });
}

type ActionData = {
  intent: "submit" | "evaluate";
  result: SubmissionResult<string[]>;
  filesDropped?: boolean;
  /** the milestone changed after the page was opened: what changed, and its current version */
  conflict?: RecordConflict;
};

/** What others saved since the form was opened, and the version to send again from. */
async function conflictOf(milestoneId: string, current: { version: number }, startedAt: string | undefined): Promise<RecordConflict> {
  return { version: current.version, changes: await milestoneChangesSince(milestoneId, openedSince(startedAt)) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, milestone: m } = await access(request, params.milestoneId);
  const actor = toActor(user);
  // refuse before reading a possibly large body
  if (!can(actor, "milestone.submit", m) && !can(actor, "milestone.evaluate", m)) throw forbidden();
  const { formData, tooLarge } = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const who = { ...auditActor(user, context), userId: user.id };
  const done = async (key: "milestone.submitted" | "milestone.evaluated") =>
    redirect(`/milestones/${m.id}`, { headers: { "Set-Cookie": await flashToast(request, { type: "success", key }) } });

  if (intent === "submit") {
    assertCan(user, "milestone.submit", m);
    const submission = parseForm(formData, submitMilestoneSchema);
    const filesDropped = tooLarge || formData.getAll("files").some((f) => typeof f === "object" && f.size > 0);
    if (submission.status !== "success" || tooLarge) {
      const fieldErrors = tooLarge ? { files: ["evidence.tooLarge"] } : undefined;
      return json<ActionData>({ intent, result: submission.reply({ fieldErrors }), filesDropped }, { status: 400 });
    }
    const outcome = await submitMilestone(who, m, submission.value);
    if (!outcome.ok) {
      const reason = canSubmit(outcome.current.state) ? "milestone.conflict" : "milestone.notSubmittable";
      const conflict = await conflictOf(m.id, outcome.current, submission.value.startedAt);
      return json<ActionData>({ intent, result: submission.reply({ formErrors: [reason] }), filesDropped, conflict }, { status: 409 });
    }
    return done("milestone.submitted");
  }

  if (intent === "evaluate") {
    assertCan(user, "milestone.evaluate", m);
    const submission = parseForm(formData, evaluateMilestoneSchema);
    if (submission.status !== "success") return json<ActionData>({ intent, result: submission.reply() }, { status: 400 });
    const outcome = await evaluateMilestone(who, m, submission.value);
    if (!outcome.ok) {
      const reason = canEvaluate(outcome.current.state) ? "milestone.conflict" : "milestone.notEvaluable";
      const conflict = await conflictOf(m.id, outcome.current, submission.value.startedAt);
      return json<ActionData>({ intent, result: submission.reply({ formErrors: [reason] }), conflict }, { status: 409 });
    }
    return done("milestone.evaluated");
  }

  throw new Response("Unknown intent", { status: 400 });
}

export default function MilestonePage() {
  const { milestone: m, rounds, overdue, may, startedAt } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const t = useT();
  // after a refused submission the form stays, with what the user typed, even if the state moved on
  const showSubmit = may.submit || actionData?.intent === "submit";
  const showEvaluate = may.evaluate || actionData?.intent === "evaluate";
  const previousEvaluation = rounds.find((r) => r.kind === "evaluated") ?? null;
  return (
    <article className="space-y-6">
      <MilestoneHeader milestone={m} overdue={overdue} />

      <section className="card" aria-labelledby="evaluation">
        <h2 id="evaluation" className="text-lg font-semibold">{t("milestone.evaluation")}</h2>
        <div className="mt-2">
          <MilestoneEvaluation evaluation={m} previous={m.state === "SUBMITTED" ? previousEvaluation : null} />
        </div>
      </section>

      <section className="card" aria-labelledby="submission">
        <h2 id="submission" className="text-lg font-semibold">{t("milestone.submission")}</h2>
        <div className="mt-2">
          <MilestoneSubmission submission={m} evidence={m.evidence} showEvidence={may.internal} />
        </div>
      </section>

      {showSubmit ? (
        <section className="card" aria-labelledby="submit-form">
          <h2 id="submit-form" className="text-lg font-semibold">
            {t(m.state === "RETURNED" ? "milestone.resubmitTitle" : "milestone.submitTitle")}
          </h2>
          <div className="mt-3">
            <MilestoneSubmitForm
              version={m.version}
              startedAt={startedAt}
              conflict={actionData?.intent === "submit" ? actionData.conflict : null}
              resubmission={m.state === "RETURNED"}
              lastResult={actionData?.intent === "submit" ? actionData.result : null}
              filesDropped={actionData?.intent === "submit" ? actionData.filesDropped : false}
            />
          </div>
        </section>
      ) : null}

      {showEvaluate ? (
        <section className="card" aria-labelledby="evaluate-form">
          <h2 id="evaluate-form" className="text-lg font-semibold">{t("milestone.evaluateTitle")}</h2>
          <div className="mt-3">
            <MilestoneEvaluateForm
              version={m.version}
              startedAt={startedAt}
              conflict={actionData?.intent === "evaluate" ? actionData.conflict : null}
              lastResult={actionData?.intent === "evaluate" ? actionData.result : null}
            />
          </div>
        </section>
      ) : null}

      <section aria-labelledby="rounds">
        <h2 id="rounds" className="text-lg font-semibold">{t("milestone.history")}</h2>
        <div className="mt-2">
          <MilestoneRounds rounds={rounds} />
        </div>
      </section>
    </article>
  );
}
