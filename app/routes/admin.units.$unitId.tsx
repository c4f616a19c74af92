import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConflictDiscardLink, ConflictPanel, useOpenedVersion, VersionFields } from "~/components/conflict-panel";
import { ErrorList, SubmitButton } from "~/components/forms";
import { useLocale, useT } from "~/components/i18n";
import { UnitForm } from "~/components/unit-form";
import { formatDate } from "~/domain/i18n";
import { getUnitForAdmin, unitLastSavedBy } from "~/models/unit-admin.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { pageMeta } from "~/utils/meta";
import { unitAdminAction, type UnitActionData } from "./admin.units.$unitId.server";

// a 409 (somebody else saved first) reloads the page's data beside the conflict panel
export { revalidateAfterConflict as shouldRevalidate } from "~/utils/revalidate";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageMeta(matches, (t) => data?.unit.name ?? t("unitAdmin.title"), "meta.adminUnits");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const me = await requirePermission(request, "unit.manage");
  const unit = await getUnitForAdmin(params.unitId ?? "");
  if (!unit) throw notFound();
  const savedByViewer = await unitLastSavedBy(me.id, unit.id);
  // changes saved after this moment are the ones the user has not seen (listed on a conflict)
  return json({ unit, savedByViewer, startedAt: new Date().toISOString() });
}

export const action = unitAdminAction;

export default function UnitAdminPage() {
  const { unit, savedByViewer, startedAt } = useLoaderData<typeof loader>();
  const actionData = useActionData<UnitActionData>();
  const t = useT();
  const locale = useLocale();
  const opened = useOpenedVersion(unit.version, startedAt, savedByViewer);
  const about = (intent: UnitActionData["intent"]) => (actionData?.intent === intent ? actionData : undefined);
  const update = about("update");
  const state = unit.retiredAt ? about("reinstate") : about("retire");
  return (
    <>
      <Link to="/admin/units" className="text-sm text-brand-700 underline">
        ← {t("unitAdmin.back")}
      </Link>
      <h1 className="mt-2 text-2xl font-bold">{unit.name}</h1>
      <dl className="card mt-4 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("unitAdmin.field.code")}</dt>
        <dd className="break-all font-mono" data-testid="unit-code">
          {unit.code}
        </dd>
        <dt className="text-slate-600">{t("unitAdmin.col.status")}</dt>
        <dd className={unit.retiredAt ? "font-semibold text-slate-700" : "text-green-800"} data-testid="unit-status">
          {unit.retiredAt ? t("unitAdmin.retiredOn", { date: formatDate(unit.retiredAt, locale) }) : t("unitAdmin.active")}
        </dd>
        <dt className="text-slate-600">{t("unitAdmin.col.items")}</dt>
        <dd className="tabular-nums">{unit.items}</dd>
        <dt className="text-slate-600">{t("unitAdmin.col.users")}</dt>
        <dd className="tabular-nums">{unit.users}</dd>
      </dl>

      <section aria-labelledby="unit-details-title" className="mt-6">
        <h2 id="unit-details-title" className="text-lg font-semibold">
          {t("unitAdmin.details")}
        </h2>
        <div className="card mt-2">
          <UnitForm
            // a save by the viewer reopens the form on what they saved
            key={opened.version}
            intent="update"
            lastResult={update?.result}
            conflict={update?.conflict}
            version={opened.version}
            startedAt={opened.startedAt}
            defaultValue={{
              name: unit.name,
              abbreviation: unit.abbreviation ?? "",
              kind: unit.kind,
              parentOrganization: unit.parentOrganization ?? "",
            }}
          />
        </div>
      </section>

      <section aria-labelledby="unit-state-title" className="mt-6">
        <h2 id="unit-state-title" className="text-lg font-semibold">
          {t(unit.retiredAt ? "unitAdmin.reinstateTitle" : "unitAdmin.retireTitle")}
        </h2>
        <Form method="post" className="card mt-2 space-y-3" data-testid="unit-state-form">
          <input type="hidden" name="intent" value={unit.retiredAt ? "reinstate" : "retire"} />
          <VersionFields version={opened.version} startedAt={opened.startedAt} conflict={state?.conflict} />
          {state?.conflict ? <ConflictPanel title={t("unitAdmin.conflictTitle")} conflict={state.conflict} headingLevel={3} /> : null}
          <p className="text-sm text-slate-700" id="unit-state-hint">
            {t(unit.retiredAt ? "unitAdmin.reinstateHint" : "unitAdmin.retireHint")}
          </p>
          {unit.retiredAt ? null : (
            <div>
              <label className="flex min-h-11 items-center gap-2" htmlFor="retire-confirm">
                <input
                  id="retire-confirm"
                  type="checkbox"
                  name="confirm"
                  className="h-5 w-5 shrink-0"
                  required
                  aria-invalid={state?.result.error?.confirm ? true : undefined}
                  aria-describedby={state?.result.error?.confirm ? "retire-confirm-error" : "unit-state-hint"}
                />
                <span>{t("unitAdmin.retireConfirm", { name: unit.name })}</span>
              </label>
              <ErrorList id="retire-confirm-error" errors={state?.result.error?.confirm} />
            </div>
          )}
          <ErrorList errors={[...(state?.result.error?.[""] ?? []), ...(state?.result.error?.version ?? [])]} />
          <SubmitButton className="btn-secondary">{t(unit.retiredAt ? "unitAdmin.reinstateSubmit" : "unitAdmin.retireSubmit")}</SubmitButton>
          {state?.conflict ? <ConflictDiscardLink /> : null}
        </Form>
      </section>
    </>
  );
}
