import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { agreementStatus } from "~/domain/agreement";
import { formatDate } from "~/domain/i18n";
import { agreementsForCampus, getCampusBySlug } from "~/models/campus.server";
import { notFound, requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.campus.name ?? "Kampus"} · Kolaborasi Banten` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const campus = await getCampusBySlug(params.slug ?? "");
  if (!campus) throw notFound();
  await requirePermission(request, "campus.read", { campusId: campus.id });
  const agreements = await agreementsForCampus(campus.id);
  const today = new Date();
  return json({
    campus,
    agreements: agreements.map((a) => ({ ...a, status: agreementStatus(a, today) })),
  });
}

export default function CampusPage() {
  const { campus, agreements } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1 className="text-2xl font-bold">{campus.name}</h1>
      <p className="text-slate-600">
        {[campus.abbreviation, t(`campusType.${campus.type}`), campus.city].filter(Boolean).join(" · ")}
      </p>
      <section className="mt-6">
        <h2 className="text-lg font-semibold">{t("agreement.title")}</h2>
        <ul className="mt-2 space-y-3">
          {agreements.map((a) => (
            <li key={a.id} className="card">
              <p className="font-semibold">
                {a.kind} · {a.title}
              </p>
              <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                <dt className="text-slate-600">{t("agreement.signedOn")}</dt>
                <dd>{formatDate(a.signedOn, locale)}</dd>
                <dt className="text-slate-600">{t("agreement.place")}</dt>
                <dd>{a.place}</dd>
                <dt className="text-slate-600">{t("agreement.validity")}</dt>
                <dd>
                  {formatDate(a.validFrom, locale)} – {formatDate(a.validUntil, locale)}{" "}
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-semibold">
                    {t(`agreement.status.${a.status}`)}
                  </span>
                </dd>
                {a.campusRepresentative ? (
                  <>
                    <dt className="text-slate-600">{t("agreement.representative")}</dt>
                    <dd>{a.campusRepresentative}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
