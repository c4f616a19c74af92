import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { MilestoneEvaluation, MilestoneHeader, MilestoneRounds, MilestoneSubmission } from "~/components/milestone-details";
import { MilestoneEvaluateForm } from "~/components/milestone-evaluate-form";
import { MilestoneSubmitForm } from "~/components/milestone-submit-form";
import { todayInBanten } from "~/domain/dates";
import { canEvaluate, canSubmit } from "~/domain/milestone";
import { can } from "~/domain/policy";
import { isMilestoneOverdue } from "~/domain/status";
import { toIsoDate } from "~/domain/dates";
import { whatsAppNudge } from "~/domain/mail";
import { WhatsAppLink } from "~/components/whatsapp-link";
import { env } from "~/utils/env.server";
import { getMilestonePage, milestoneRounds } from "~/models/milestone.server";
import { notFound, toPrincipal } from "~/utils/auth.server";
import { milestoneAccess as access, milestoneAction, type MilestoneActionData } from "./milestones.$milestoneId.server";

// a 409 (somebody else saved first) reloads the page's data beside the conflict panel
export { revalidateAfterConflict as shouldRevalidate } from "~/utils/revalidate";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.milestone.title ?? "Tonggak evaluasi"} · Kolaborasi Banten` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, milestone: m } = await access(request, params.milestoneId);
  const [page, rounds] = await Promise.all([getMilestonePage(m.id), milestoneRounds(m.id)]);
  if (!page) throw notFound();
  const actor = toPrincipal(user);
  const internal = can(actor, "item.internal.read", m);
  const overdue = isMilestoneOverdue(page, todayInBanten());
  // the governor's office nudges the campus about an overdue milestone
  const whatsapp =
    overdue && can(actor, "reminder.send", m) && page.item
      ? whatsAppNudge(
          { key: "whatsapp.milestoneOverdue", params: { campus: page.item.campus.name, milestone: page.title, due: toIsoDate(page.dueDate) } },
          env().APP_URL,
          `/milestones/${m.id}#submit-form`,
        )
      : null;
  return json({
    milestone: { ...page, evidence: internal ? page.evidence : [] },
    rounds,
    overdue,
    whatsapp,
    // changes saved after this moment are the ones the user has not seen (listed on a conflict)
    startedAt: new Date().toISOString(),
    may: {
      internal,
      submit: can(actor, "milestone.submit", m) && canSubmit(page.state),
      evaluate: can(actor, "milestone.evaluate", m) && canEvaluate(page.state),
    },
  });
}

export const action = milestoneAction;

export default function MilestonePage() {
  const { milestone: m, rounds, overdue, may, startedAt, whatsapp } = useLoaderData<typeof loader>();
  const actionData = useActionData<MilestoneActionData>();
  const t = useT();
  // after a refused submission the form stays, with what the user typed, even if the state moved on
  const showSubmit = may.submit || actionData?.intent === "submit";
  const showEvaluate = may.evaluate || actionData?.intent === "evaluate";
  const previousEvaluation = rounds.find((r) => r.kind === "evaluated") ?? null;
  return (
    <article className="space-y-6">
      <MilestoneHeader milestone={m} overdue={overdue} />
      {whatsapp ? <WhatsAppLink href={whatsapp} /> : null}

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
