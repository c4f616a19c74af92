import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AgreementForm } from "~/components/agreement-form";
import { RestoredNotice, useRestoredDraft } from "~/components/forms";
import { useT } from "~/components/i18n";
import { can, type Principal } from "~/domain/policy";
import { newAgreementSchema } from "~/domain/schemas/all.server";
import { createAgreement, newAgreementOptions } from "~/models/agreement.server";
import { authorOf, forbidden, requireUser, toPrincipal } from "~/utils/auth.server";
import { formAction } from "~/utils/form-action.server";
import { parseForm } from "~/utils/parse-form.server";
import { redirectWithToast } from "~/utils/session.server";
import { readEvidenceForm } from "~/utils/uploads.server";

export const meta: MetaFunction = () => [{ title: "Perjanjian baru · Kolaborasi Banten" }];

const FORM_ID = "agreement-new";

/** The governor's office registers (confirmed at once); a campus's liaison proposes a draft for their own campus. */
function modeOf(actor: Principal): "register" | "propose" {
  if (can(actor, "agreement.register")) return "register";
  if (actor.campusIds.some((campusId) => can(actor, "agreement.propose", { campusId }))) return "propose";
  throw forbidden();
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = toPrincipal(await requireUser(request));
  const mode = modeOf(actor);
  const options = await newAgreementOptions(actor);
  const params = new URL(request.url).searchParams;
  return json({
    mode,
    // a liaison proposes under the umbrella or under their own campus's PKS
    parents: options.parents
      .filter((p) => mode === "register" || p.kind === "MOU" || (p.campusId !== null && can(actor, "agreement.propose", { campusId: p.campusId })))
      .map((p) => ({ id: p.id, label: p.label })),
    // a liaison proposes for their own campus only
    campuses: options.campuses.filter((c) => mode === "register" || can(actor, "agreement.propose", { campusId: c.id })),
    units: options.units,
    preset: { parentId: params.get("parent") ?? "", kind: params.get("kind") === "IA" ? "IA" : "PKS" },
  });
}

export function action(args: ActionFunctionArgs) {
  return formAction(args, async ({ request, context }) => {
    const user = await requireUser(request);
    const actor = toPrincipal(user);
    const mode = modeOf(actor);
    const { formData, fileErrors } = await readEvidenceForm(request);
    const submission = parseForm(formData, newAgreementSchema);
    if (submission.status !== "success" || fileErrors) {
      return json({ result: submission.reply({ fieldErrors: fileErrors ? { file: fileErrors.files ?? [] } : undefined }) }, { status: 400 });
    }
    const { file, ...input } = submission.value;
    const created = await createAgreement(authorOf(user, context), actor, input, file, mode);
    if (!created.ok && "forbidden" in created) throw forbidden();
    if (!created.ok) return json({ result: submission.reply({ fieldErrors: created.errors }) }, { status: 400 });
    return redirectWithToast(request, `/agreements/${created.agreement.id}`, {
      type: "success",
      key: mode === "register" ? "agreements.created" : "agreements.proposed",
      params: { title: created.agreement.title },
    });
  });
}

export default function NewAgreementPage() {
  const { mode, parents, campuses, units, preset } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const restored = useRestoredDraft()(FORM_ID);
  return (
    <>
      <p>
        <Link to="/agreements" className="text-sm text-brand-700 underline">
          ← {t("agreements.title")}
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">{t(mode === "register" ? "agreements.newTitle" : "agreements.proposeTitle")}</h1>
      {mode === "propose" ? <p className="text-slate-700">{t("agreements.proposeIntro")}</p> : null}
      <RestoredNotice shown={!!restored} />
      <div className="card mt-4">
        <AgreementForm
          mode="new"
          id={FORM_ID}
          lastResult={actionData?.result}
          defaultValue={restored ?? { ...preset, campusId: campuses.length === 1 ? campuses[0]!.id : "" }}
          parents={parents}
          campuses={campuses}
          units={units}
          submitLabel={mode === "register" ? "agreements.create" : "agreements.submitProposal"}
        />
      </div>
    </>
  );
}
