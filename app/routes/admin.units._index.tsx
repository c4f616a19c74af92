import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { TableWrap } from "~/components/table-wrap";
import { UnitForm } from "~/components/unit-form";
import { messageWithParams } from "~/domain/form-message";
import { formatDate } from "~/domain/i18n";
import { createUnitSchema } from "~/domain/schemas/all.server";
import { createUnit, listUnitsForAdmin } from "~/models/unit-admin.server";
import { authorOf, requirePermission } from "~/utils/auth.server";
import { formAction } from "~/utils/form-action.server";
import { pageMeta } from "~/utils/meta";
import { parseForm, parseIntent } from "~/utils/parse-form.server";
import { readFormData } from "~/utils/request-body.server";
import { redirectWithToast } from "~/utils/session.server";

// /admin/units: every government unit, with how much points to it, and the form to add one.

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "unitAdmin.title", "meta.adminUnits");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "unit.manage");
  return json({ units: await listUnitsForAdmin() });
}

export function action(args: ActionFunctionArgs) {
  return formAction(args, async ({ request, context }) => {
    const me = await requirePermission(request, "unit.manage");
    const formData = await readFormData(request);
    parseIntent(formData, ["create"] as const);
    const submission = parseForm(formData, createUnitSchema);
    if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
    const created = await createUnit(submission.value, authorOf(me, context));
    if (!created.ok) {
      // the code comes from the abbreviation, or from the name without one: the error sits there
      const field = submission.value.abbreviation ? "abbreviation" : "name";
      const message = created.reason === "code-taken" ? messageWithParams("unitAdmin.codeTaken", { code: created.code }) : "unitAdmin.codeEmpty";
      return json({ result: submission.reply({ fieldErrors: { [field]: [message] } }) }, { status: 400 });
    }
    return redirectWithToast(request, `/admin/units/${created.unit.id}`, { type: "success", key: "unitAdmin.created", params: { name: created.unit.name } });
  });
}

export default function UnitsAdminPage() {
  const { units } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1 className="text-2xl font-bold">{t("unitAdmin.title")}</h1>
      <p className="mt-1 text-slate-700">{t("unitAdmin.intro")}</p>

      <section aria-labelledby="unit-list-title" className="mt-6">
        <h2 id="unit-list-title" className="text-lg font-semibold">
          {t("unitAdmin.listTitle")} <span className="font-normal text-slate-600">· {t("unitAdmin.count", { count: units.length })}</span>
        </h2>
        <TableWrap label={t("unitAdmin.listTitle")} className="mt-2">
          <table data-testid="unit-table">
            <thead>
              <tr>
                <th scope="col">{t("unitAdmin.field.name")}</th>
                <th scope="col">{t("unitAdmin.field.abbreviation")}</th>
                <th scope="col">{t("unitAdmin.field.kind")}</th>
                <th scope="col">{t("unitAdmin.field.parentOrganization")}</th>
                <th scope="col">{t("unitAdmin.col.items")}</th>
                <th scope="col">{t("unitAdmin.col.users")}</th>
                <th scope="col">{t("unitAdmin.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.id} className={u.retiredAt ? "bg-slate-100" : undefined} data-testid={`unit-${u.code}`}>
                  <th scope="row" className="font-medium">
                    <Link to={`/admin/units/${u.id}`} className="text-brand-700 underline">
                      {u.name}
                    </Link>
                  </th>
                  <td>{u.abbreviation ?? "–"}</td>
                  <td>{t(`unitKind.${u.kind}`)}</td>
                  <td>{u.parentOrganization ?? "–"}</td>
                  <td className="tabular-nums">{u.items}</td>
                  <td className="tabular-nums">{u.users}</td>
                  <td className={u.retiredAt ? "font-semibold text-slate-700" : "text-green-800"}>
                    {u.retiredAt ? t("unitAdmin.retiredOn", { date: formatDate(u.retiredAt, locale) }) : t("unitAdmin.active")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>

      <section aria-labelledby="create-unit-title" className="mt-8">
        <h2 id="create-unit-title" className="text-lg font-semibold">
          {t("unitAdmin.create")}
        </h2>
        <div className="card mt-2">
          <UnitForm intent="create" lastResult={actionData?.result} />
        </div>
      </section>
    </>
  );
}
