import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps } from "@conform-to/react";
import { AgreementForm, AmendmentForm, FileField } from "~/components/agreement-form";
import { AgreementStatusBadge, AgreementSummary } from "~/components/agreement-bits";
import { useOpenedVersion, VersionFields } from "~/components/conflict-panel";
import { ErrorList, SelectField, SubmitButton } from "~/components/forms";
import { useLocale, useT } from "~/components/i18n";
import { StatusBadge } from "~/components/status";
import { todayInBanten, toIsoDate } from "~/domain/dates";
import { formatDate, labelKey } from "~/domain/i18n";
import { can } from "~/domain/policy";
import * as agreements from "~/models/agreement.server";
import { listGovernmentUnits } from "~/models/team.server";
import { assertCanSee, notFound, requireUser, toPrincipal } from "~/utils/auth.server";
import { agreementAction, type AgreementActionData } from "./agreements.$agreementId.server";
import { agreementLinkItemForm } from "~/domain/schemas/constraints/agreement-link-item.generated";
import { uploadAgreementDocumentForm } from "~/domain/schemas/constraints/upload-agreement-document.generated";
import { useValidatedForm } from "~/components/use-lazy-validation";

// a 409 (somebody else saved first) reloads the page's data beside the conflict panel
export { revalidateAfterConflict as shouldRevalidate } from "~/utils/revalidate";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.agreement.title ?? "Perjanjian"} · Kolaborasi Banten` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const scope = await agreements.getAgreementScope(params.agreementId ?? "");
  if (!scope) throw notFound();
  const resource = agreements.agreementResource(scope);
  // another campus's proposal is not there at all for whoever may not read it
  assertCanSee(user, "agreement.read", resource);
  const actor = toPrincipal(user);
  const today = todayInBanten();
  const agreement = await agreements.getAgreementPage(scope.id, actor, today);
  if (!agreement) throw notFound();
  const isMou = agreement.kind === "MOU";
  const may = {
    edit: !isMou && can(actor, "agreement.edit", resource),
    confirm: agreement.state === "DRAFT" && can(actor, "agreement.register", resource),
    amend: !isMou && agreement.state === "CONFIRMED" && can(actor, "agreement.register", resource),
    renew: !isMou && agreement.state === "CONFIRMED" && !agreement.supersededById && can(actor, "agreement.register", resource),
    upload: !isMou && can(actor, "agreement.document.upload", resource),
    link: !isMou && agreement.state === "CONFIRMED" && !agreement.supersededById && can(actor, "agreement.item.link", resource),
    addChild: agreement.kind !== "IA" && agreement.state === "CONFIRMED" && !agreement.supersededById && (can(actor, "agreement.register") || can(actor, "agreement.propose", { campusId: agreement.campusId })),
  };
  const [units, items, savedByViewer] = await Promise.all([
    may.edit || may.renew ? listGovernmentUnits({ agreementId: agreement.id }) : Promise.resolve([]),
    may.link ? agreements.attachableItems(agreement, actor) : Promise.resolve([]),
    may.edit ? agreements.lastSavedByViewer(user.id, agreement.id) : Promise.resolve(false),
  ]);
  return json({ agreement, may, units, attachable: items, savedByViewer, startedAt: new Date().toISOString(), today: toIsoDate(today) });
}

export const action = agreementAction;

const iso = (v: string | null | undefined) => (v ? v.slice(0, 10) : "");

export default function AgreementPage() {
  const { agreement: a, may, units, attachable, savedByViewer, startedAt } = useLoaderData<typeof loader>();
  const actionData = useActionData<AgreementActionData>();
  const opened = useOpenedVersion(a.version, startedAt, savedByViewer);
  const t = useT();
  const locale = useLocale();
  const about = (intent: string) => (actionData?.intent === intent ? actionData : undefined);
  const record = {
    number: a.number ?? "",
    campusNumber: a.campusNumber ?? "",
    title: a.title,
    signedOn: iso(a.signedOn),
    place: a.place ?? "",
    validFrom: iso(a.validFrom),
    validUntil: iso(a.validUntil),
    scopeResearch: a.scopeResearch ? "on" : "",
    scopeDevelopment: a.scopeDevelopment ? "on" : "",
    scopeCommunityService: a.scopeCommunityService ? "on" : "",
    scopeEducation: a.scopeEducation ? "on" : "",
    unitIds: a.units.map((u) => u.id),
    governmentSignatory: a.governmentSignatory ?? "",
    campusRepresentative: a.campusRepresentative ?? "",
    documentRef: a.documentRef ?? "",
    summary: a.summary ?? "",
    documentPublic: a.documentPublic ? "on" : "",
  };
  const scope = (["RESEARCH", "DEVELOPMENT", "COMMUNITY_SERVICE", "EDUCATION"] as const).filter(
    (s) => ({ RESEARCH: a.scopeResearch, DEVELOPMENT: a.scopeDevelopment, COMMUNITY_SERVICE: a.scopeCommunityService, EDUCATION: a.scopeEducation })[s],
  );
  return (
    <div className="space-y-6">
      <p>
        <Link to="/agreements" className="text-sm text-brand-700 underline">
          ← {t("agreements.title")}
        </Link>
      </p>
      <header>
        <p className="text-sm text-slate-600">{t(labelKey("agreement.kind", a.kind))}</p>
        <h1 className="text-2xl font-bold">{a.title}</h1>
        <p className="mt-1">
          <AgreementStatusBadge status={a.status} />
        </p>
        {a.state === "DRAFT" ? <p className="mt-1 text-sm text-slate-700">{t("agreements.proposedBy")}</p> : null}
      </header>

      <dl className="card grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]" data-testid="agreement-record">
        <dt className="text-slate-600">{t("agreements.field.number")}</dt>
        <dd data-testid="province-number">{a.number ?? "–"}</dd>
        <dt className="text-slate-600">{t("agreements.field.campusNumber")}</dt>
        <dd data-testid="campus-number">{a.campusNumber ?? "–"}</dd>
        <dt className="text-slate-600">{t("agreements.col.parties")}</dt>
        <dd>
          {a.units.length ? a.units.map((u) => u.abbreviation ?? u.name).join(", ") : t("agreements.province")} —{" "}
          {a.campus ? a.campus.name : a.signatories.map((s) => s.campus.name).join(", ")}
        </dd>
        <dt className="text-slate-600">{t("agreements.field.scope")}</dt>
        <dd>{scope.length ? scope.map((s) => t(`agreements.scope.${s}`)).join(", ") : "–"}</dd>
        <dt className="text-slate-600">{t("agreements.col.signed")}</dt>
        <dd>{[formatDate(a.signedOn, locale), a.place].filter((v) => v && v !== "–").join(", ") || "–"}</dd>
        <dt className="text-slate-600">{t("agreements.col.validity")}</dt>
        <dd>{t("agreements.validity", { from: formatDate(a.validFrom, locale), until: formatDate(a.validUntil, locale) })}</dd>
        {a.governmentSignatory ? (
          <>
            <dt className="text-slate-600">{t("agreements.field.governmentSignatory")}</dt>
            <dd>{a.governmentSignatory}</dd>
          </>
        ) : null}
        {a.campusRepresentative ? (
          <>
            <dt className="text-slate-600">{t("agreements.field.campusRepresentative")}</dt>
            <dd>{a.campusRepresentative}</dd>
          </>
        ) : null}
        {a.documentRef ? (
          <>
            <dt className="text-slate-600">{t("agreements.field.documentRef")}</dt>
            <dd>{a.documentRef}</dd>
          </>
        ) : null}
        {a.parent ? (
          <>
            <dt className="text-slate-600">{t("agreements.parent")}</dt>
            <dd>
              <Link className="underline" to={`/agreements/${a.parent.id}`}>
                {t(labelKey("agreement.kind", a.parent.kind))} · {a.parent.title}
              </Link>
            </dd>
          </>
        ) : null}
        {a.supersedes ? (
          <>
            <dt className="text-slate-600">{t("agreements.supersedes")}</dt>
            <dd>
              <Link className="underline" to={`/agreements/${a.supersedes.id}`}>
                {a.supersedes.title}
              </Link>
            </dd>
          </>
        ) : null}
        {a.supersededBy ? (
          <>
            <dt className="text-slate-600">{t("agreements.supersededBy")}</dt>
            <dd>
              <Link className="underline" to={`/agreements/${a.supersededBy.id}`}>
                {a.supersededBy.title}
              </Link>
            </dd>
          </>
        ) : null}
      </dl>
      {a.summary ? <p className="whitespace-pre-line">{a.summary}</p> : null}

      <section aria-labelledby="document-heading">
        <h2 id="document-heading" className="text-lg font-semibold">
          {t("agreements.document")}{" "}
          <span className="text-sm font-normal text-slate-600">({t(a.documentPublic ? "agreements.documentPublic" : "agreements.documentInternal")})</span>
        </h2>
        {!a.showDocuments && a.hasDocument ? (
          <p>{t("agreements.documentHidden")}</p>
        ) : a.documents.length === 0 ? (
          <p>{t("agreements.noDocument")}</p>
        ) : (
          <ul className="list-disc pl-5" data-testid="agreement-documents">
            {a.documents.map((d) => (
              <li key={d.id}>
                <a className="underline" href={`/evidence/${d.id}`}>
                  {d.fileName}
                </a>
              </li>
            ))}
          </ul>
        )}
        {may.upload ? <UploadForm lastResult={about("upload")?.result ?? null} /> : null}
      </section>

      {may.confirm ? (
        <ConfirmForm version={opened.version} startedAt={opened.startedAt} actionData={about("confirm")} />
      ) : null}

      <section aria-labelledby="children-heading">
        <h2 id="children-heading" className="text-lg font-semibold">
          {t("agreements.children")}
        </h2>
        {a.children.length === 0 ? (
          <p>{t("agreements.noChildren")}</p>
        ) : (
          <ul className="mt-2 space-y-2" data-testid="agreement-children">
            {a.children.map((c) => (
              <li key={c.id} className="card">
                <AgreementSummary a={c} />
              </li>
            ))}
          </ul>
        )}
        {may.addChild ? (
          <p className="mt-2">
            <Link className="btn-secondary" to={`/agreements/new?parent=${a.id}&kind=${a.kind === "MOU" ? "PKS" : "IA"}`}>
              {t(a.kind === "MOU" ? "agreements.new" : "agreements.newTitle")}
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="amendments-heading">
        <h2 id="amendments-heading" className="text-lg font-semibold">
          {t("agreements.amendments")}
        </h2>
        {a.amendments.length === 0 ? (
          <p>{t("agreements.noAmendments")}</p>
        ) : (
          <ul className="mt-2 space-y-2" data-testid="agreement-amendments">
            {a.amendments.map((m) => (
              <li key={m.id} className="card">
                <p className="font-semibold">
                  {m.title} {m.number ? `· ${m.number}` : ""} · {formatDate(m.signedOn, locale)}
                </p>
                {m.summary ? <p className="whitespace-pre-line text-sm">{m.summary}</p> : null}
                {m.documents.map((d) => (
                  <a key={d.id} className="text-sm underline" href={`/evidence/${d.id}`}>
                    {d.fileName}
                  </a>
                ))}
              </li>
            ))}
          </ul>
        )}
        {may.amend ? (
          <details className="card mt-3" open={!!about("amend")}>
            <summary className="cursor-pointer font-semibold text-brand-700">{t("agreements.amend")}</summary>
            <div className="mt-3">
              <AmendmentForm key={about("amend")?.conflict?.version ?? opened.version} lastResult={about("amend")?.result} version={opened.version} startedAt={opened.startedAt} conflict={about("amend")?.conflict} />
            </div>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="items-heading">
        <h2 id="items-heading" className="text-lg font-semibold">
          {t("agreements.items")}
        </h2>
        {a.items.length === 0 ? (
          <p>{t("agreements.noItems")}</p>
        ) : (
          <ul className="mt-2 space-y-2" data-testid="agreement-items">
            {a.items.map((i) => (
              <li key={i.id} className="card">
                <Link className="font-semibold underline" to={`/items/${i.id}`}>
                  {i.title}
                </Link>{" "}
                <StatusBadge status={i.status} />
                <p className="text-sm text-slate-700">
                  {formatDate(i.plannedStart, locale)} – {formatDate(i.plannedEnd, locale)} · {i.progress}%
                </p>
              </li>
            ))}
          </ul>
        )}
        {may.link ? <LinkItemForm items={attachable} lastResult={about("link-item")?.result ?? null} /> : null}
      </section>

      {may.edit ? (
        <details className="card" open={!!about("update")}>
          <summary className="cursor-pointer font-semibold text-brand-700">{t("agreements.edit")}</summary>
          <div className="mt-3">
            <AgreementForm
              key={about("update")?.conflict?.version ?? opened.version}
              mode="update"
              id="agreement-update"
              units={units}
              version={opened.version}
              startedAt={opened.startedAt}
              conflict={about("update")?.conflict}
              lastResult={about("update")?.result}
              defaultValue={record}
              submitLabel="agreements.save"
            />
          </div>
        </details>
      ) : null}

      {may.renew ? (
        <details className="card" open={!!about("renew")}>
          <summary className="cursor-pointer font-semibold text-brand-700">{t("agreements.renew")}</summary>
          <p className="mt-2 text-sm text-slate-700">{t("agreements.renewHint")}</p>
          <div className="mt-3">
            <AgreementForm
              key={about("renew")?.conflict?.version ?? opened.version}
              mode="renew"
              id="agreement-renew"
              units={units}
              version={opened.version}
              startedAt={opened.startedAt}
              conflict={about("renew")?.conflict}
              lastResult={about("renew")?.result}
              defaultValue={{ ...record, signedOn: "", validFrom: "", validUntil: "", number: "", campusNumber: "" }}
              submitLabel="agreements.renewSubmit"
            />
          </div>
        </details>
      ) : null}
    </div>
  );
}

function ConfirmForm({ version, startedAt, actionData }: { version: number; startedAt: string; actionData: AgreementActionData | undefined }) {
  const t = useT();
  return (
    <Form method="post" className="card space-y-2 border-brand-600" data-testid="confirm-form">
      <input type="hidden" name="intent" value="confirm" />
      <VersionFields version={version} startedAt={startedAt} conflict={actionData?.conflict} />
      <p className="text-sm">{t("agreements.confirmHint")}</p>
      <ErrorList errors={actionData?.result?.error?.[""] ?? (actionData?.conflict ? ["conflict.intro"] : null)} />
      <SubmitButton>{t("agreements.confirm")}</SubmitButton>
    </Form>
  );
}

function UploadForm({ lastResult }: { lastResult: AgreementActionData["result"] }) {
  const t = useT();
  const [form, fields] = useValidatedForm(uploadAgreementDocumentForm, {
    id: "agreement-upload",
    lastResult,
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" encType="multipart/form-data" className="card mt-3 space-y-3" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="upload" />
      <h3 className="font-semibold">{t("agreements.upload")}</h3>
      <FileField field={fields.file} />
      <SubmitButton>{t("agreements.uploadSubmit")}</SubmitButton>
    </Form>
  );
}

function LinkItemForm({ items, lastResult }: { items: readonly { id: string; title: string }[]; lastResult: AgreementActionData["result"] }) {
  const t = useT();
  const [form, fields] = useValidatedForm(agreementLinkItemForm, {
    id: "agreement-link-item",
    lastResult,
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" className="card mt-3 space-y-3" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="link-item" />
      <h3 className="font-semibold">{t("agreements.attachItem")}</h3>
      <SelectField label={t("agreements.field.itemId")} field={fields.itemId} placeholder={t("agreements.chooseItem")} options={items.map((i) => ({ value: i.id, label: i.title }))} />
      <SubmitButton>{t("agreements.attachSubmit")}</SubmitButton>
    </Form>
  );
}
