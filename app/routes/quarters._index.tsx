import { getFormProps } from "@conform-to/react";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorList, SelectField, SubmitButton } from "~/components/forms";
import { useLocale, useT } from "~/components/i18n";
import { todayInBanten } from "~/domain/dates";
import { formatDateTime, formatNumber } from "~/domain/i18n";
import { can } from "~/domain/policy";
import { closableQuarters } from "~/domain/quarter";
import { listQuarterCloses } from "~/models/quarter.server";
import { requirePermission, toPrincipal } from "~/utils/auth.server";
import { pageMeta } from "~/utils/meta";
import { closeQuarterAction } from "./quarters._index.server";
import { closeQuarterForm } from "~/domain/schemas/constraints/close-quarter.generated";
import { useValidatedForm } from "~/components/use-lazy-validation";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "nav.quarters", "meta.quarters");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "dashboard.read");
  const closes = await listQuarterCloses();
  const canClose = can(toPrincipal(user), "quarter.close");
  const closable = canClose ? closableQuarters(todayInBanten(), closes.map((c) => c.quarter)) : [];
  return json({ closes, canClose, closable });
}

export const action = closeQuarterAction;

export default function QuartersPage() {
  const { closes, canClose, closable } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t("quarters.title")}</h1>
        <p className="mt-1 text-slate-700">{t("quarters.intro")}</p>
        {closes.length >= 2 ? (
          <Link to="/quarters/compare" className="mt-2 inline-block text-brand-700 underline">
            {t("quarters.compareLink")}
          </Link>
        ) : null}
      </header>

      {canClose ? <CloseForm closable={closable} /> : null}

      <section aria-labelledby="closed-quarters">
        <h2 id="closed-quarters" className="text-lg font-semibold">
          {t("quarters.list.title")}
        </h2>
        {closes.length === 0 ? (
          <p className="card mt-2">{t("quarters.empty")}</p>
        ) : (
          <ul className="mt-2 space-y-2" data-testid="quarter-list">
            {closes.map((c) => (
              <li key={c.quarter} className="card">
                <h3 className="font-semibold">
                  <Link to={`/quarters/${c.quarter}`} className="text-brand-700 underline">
                    {t("quarters.view.title", { quarter: c.quarter })}
                  </Link>
                </h3>
                <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt className="text-slate-600">{t("quarters.list.closedAt")}</dt>
                  <dd>{formatDateTime(c.closedAt, locale)}</dd>
                  <dt className="text-slate-600">{t("quarters.list.closedBy")}</dt>
                  <dd>{c.closedBy ?? t("quarters.list.unknownUser")}</dd>
                  <dt className="text-slate-600">{t("quarters.list.items")}</dt>
                  <dd className="tabular-nums" data-testid="frozen-count">
                    {formatNumber(c.items, locale)}
                  </dd>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function CloseForm({ closable }: { closable: string[] }) {
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useValidatedForm(closeQuarterForm, {
    id: "close-quarter",
    lastResult: actionData?.result,
    defaultValue: { quarter: closable[0] ?? "" },
    shouldValidate: "onBlur",
  });
  // a refused value (closed meanwhile, or typed into the URL) stays selected beside its error
  const submitted = typeof fields.quarter.value === "string" ? fields.quarter.value : "";
  const options = submitted && !closable.includes(submitted) ? [submitted, ...closable] : closable;
  return (
    <section className="card" aria-labelledby="close-quarter-title">
      <h2 id="close-quarter-title" className="text-lg font-semibold">
        {t("quarters.close.title")}
      </h2>
      {options.length === 0 ? (
        <p className="mt-2 text-slate-700">{t("quarters.close.none")}</p>
      ) : (
        <Form method="post" className="mt-3 space-y-4" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="close" />
          <ErrorList id={form.errorId} errors={form.errors} />
          <p className="text-sm text-slate-700">{t("quarters.close.hint")}</p>
          <SelectField label={t("quarters.close.quarter")} field={fields.quarter} options={options.map((q) => ({ value: q, label: q }))} />
          {/* closing freezes the quarter for good: a second, explicit submit confirms it, with or without JavaScript */}
          <details>
            <summary className="btn cursor-pointer list-none [&::-webkit-details-marker]:hidden">{t("quarters.close.submit")}…</summary>
            <div className="mt-3 space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3" data-testid="close-quarter-confirm">
              <p className="text-sm text-amber-950">{t("quarters.close.confirm")}</p>
              <SubmitButton pendingText={t("quarters.close.submitting")}>{t("quarters.close.confirmSubmit")}</SubmitButton>
            </div>
          </details>
        </Form>
      )}
    </section>
  );
}
