import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SubmitButton } from "~/components/form-basics";
import { useT } from "~/components/i18n";
import { IMPORT_COLUMNS, IMPORT_HEADERS, MAX_IMPORT_ROWS, MAX_IMPORT_EXPANDED_MB, columnOfFormField, rowToFormFields, type ImportRow } from "~/domain/item-import";
import { textKey, translator, type MessageKey } from "~/domain/i18n";
import { itemSchema } from "~/domain/schemas/all.server";
import { getCampusBySlug } from "~/models/campus.server";
import { importChoices, readImportFile } from "~/models/item-import.server";
import { createItems, invalidReferences, itemFormOptions } from "~/models/roadmap-item.server";
import type { ItemInput } from "~/domain/schemas/item";
import { assertCan, authorOf, notFound, requirePermission, requireUser } from "~/utils/auth.server";
import { formAction } from "~/utils/form-action.server";
import { parseForm, parseIntent } from "~/utils/parse-form.server";
import { readEvidenceForm } from "~/utils/uploads.server";
import { getLocale, redirectWithToast } from "~/utils/session.server";
import { pageMeta } from "~/utils/meta";

// Spreadsheet import of a campus's roadmap items (/campuses/:slug/import): upload an XLSX made from
// the template, see every row checked by the item form's own rules, then import all rows in one
// transaction (all or nothing), each audited. For whoever may create the campus's items.

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageMeta(matches, (t) => `${t("import.title")} · ${data?.campus.abbreviation ?? data?.campus.name ?? ""}`, "meta.import");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const campus = await getCampusBySlug(params.slug ?? "");
  if (!campus) throw notFound();
  await requirePermission(request, "item.create", { campusId: campus.id });
  return json({ campus: { slug: campus.slug, name: campus.name, abbreviation: campus.abbreviation } });
}

type RowReport = { line: number; title: string; errors: { column: string; message: string }[] };
export type ImportActionData = {
  /** a refusal of the file as a whole, with its parameters */
  problem: { key: MessageKey; params?: Record<string, string | number> } | null;
  rows: RowReport[];
  /** the checked rows, sent back with "commit" when every row is right (checked again then) */
  payload: string | null;
};

const answer = (data: Partial<ImportActionData>, status = 400) =>
  json<ImportActionData>({ problem: null, rows: [], payload: null, ...data }, { status });

export function action(args: ActionFunctionArgs) {
  return formAction(args, async ({ request, params, context }) => {
    const user = await requireUser(request);
    const campus = await getCampusBySlug(params.slug ?? "");
    if (!campus) throw notFound();
    assertCan(user, "item.create", { campusId: campus.id });
    // the evidence limits: one file of at most 10 MB; a larger one is refused with a message
    const upload = await readEvidenceForm(request);
    const intent = parseIntent(upload.formData, ["preview", "commit"]);
    let rows: { line: number; cells: ImportRow }[];
    if (intent === "preview") {
      if (upload.fileErrors) return answer({ problem: { key: "evidence.tooLarge" } });
      const file = upload.formData.get("files");
      if (!(file instanceof File) || file.size === 0) return answer({ problem: { key: "import.noFile" } });
      const read = await readImportFile(file);
      if (!read.ok) {
        const params: Record<string, string | number> =
          read.problem === "import.badHeaders"
            ? { headers: IMPORT_HEADERS.join(" · ") }
            : read.problem === "import.expandsTooLarge"
              ? { max: MAX_IMPORT_EXPANDED_MB }
              : { max: MAX_IMPORT_ROWS };
        return answer({ problem: { key: read.problem, params } });
      }
      rows = read.rows;
    } else {
      const parsed = parsePayload(upload.formData.get("payload"));
      if (!parsed) return answer({ problem: { key: "import.stale" } });
      rows = parsed;
    }
    const options = await itemFormOptions(campus.id);
    const choices = await importChoices();
    const t = translator(await getLocale(request));
    const checked = await Promise.all(
      rows.map(async ({ line, cells }) => {
        const form = new FormData();
        for (const [name, value] of Object.entries(rowToFormFields(cells, choices))) if (value !== "") form.append(name, value);
        const submission = parseForm(form, itemSchema(options.agreement));
        let fieldErrors: Record<string, string[] | null> = submission.status === "success" ? {} : (submission.reply().error ?? {});
        if (submission.status === "success") fieldErrors = await invalidReferences(campus.id, submission.value);
        const errors = Object.entries(fieldErrors).flatMap(([field, messages]) =>
          (messages ?? []).map((m) => {
            const column = columnOfFormField(field);
            return { column: column ? t(column.label) : "", message: t(textKey(m, "form.invalid")) };
          }),
        );
        const input = submission.status === "success" && errors.length === 0 ? submission.value : null;
        return { report: { line, title: cells.title, errors }, input, cells: { line, cells } };
      }),
    );
    const reports = checked.map((c) => c.report);
    const valid = checked.every((c) => c.input !== null);
    if (intent === "preview" || !valid) {
      return answer({ rows: reports, payload: valid ? JSON.stringify(checked.map((c) => c.cells)) : null }, valid ? 200 : 400);
    }
    const created = await createItems(authorOf(user, context), campus.id, options.agreement?.id ?? null, checked.map((c) => c.input as ItemInput));
    return redirectWithToast(request, `/campuses/${campus.slug}`, { type: "success", key: "import.done", params: { count: created.length } });
  });
}

/** The rows a preview sent back, if they still have the shape a preview gives them. */
function parsePayload(value: FormDataEntryValue | null): { line: number; cells: ImportRow }[] | null {
  if (typeof value !== "string") return null;
  try {
    const rows = JSON.parse(value) as unknown;
    if (!Array.isArray(rows) || rows.length === 0 || rows.length > MAX_IMPORT_ROWS) return null;
    for (const row of rows) {
      if (typeof row !== "object" || row === null || typeof row.line !== "number" || typeof row.cells !== "object" || row.cells === null) return null;
      // exactly the template's fields, each a string (a tampered payload is refused, not a 500)
      const cells = row.cells as Record<string, unknown>;
      if (Object.keys(cells).length !== IMPORT_COLUMNS.length) return null;
      if (IMPORT_COLUMNS.some((c) => typeof cells[c.field] !== "string")) return null;
    }
    return rows as { line: number; cells: ImportRow }[];
  } catch {
    return null;
  }
}

export default function ImportPage() {
  const { campus } = useLoaderData<typeof loader>();
  const data = useActionData<ImportActionData>();
  const t = useT();
  const withErrors = data?.rows.filter((r) => r.errors.length > 0).length ?? 0;
  return (
    <div className="space-y-6">
      <Link to={`/campuses/${campus.slug}`} className="text-sm text-brand-700 underline">
        ← {campus.name}
      </Link>
      <h1 className="text-2xl font-bold">{t("import.title")}</h1>
      <p className="text-slate-700">{t("import.intro")}</p>

      <section aria-labelledby="import-step1" className="card">
        <h2 id="import-step1" className="font-semibold">{t("import.step1")}</h2>
        <p className="mt-2">
          <a className="text-brand-700 underline" href={`/campuses/${campus.slug}/import.xlsx`} download>
            {t("import.template")}
          </a>
        </p>
        <p className="mt-1 text-sm text-slate-600">{t("import.templateHint", { max: MAX_IMPORT_ROWS })}</p>
      </section>

      <section aria-labelledby="import-step2" className="card">
        <h2 id="import-step2" className="font-semibold">{t("import.step2")}</h2>
        <Form method="post" encType="multipart/form-data" className="mt-2 space-y-3">
          <input type="hidden" name="intent" value="preview" />
          <div>
            <label className="label" htmlFor="import-file">
              {t("import.file")}
            </label>
            <input
              id="import-file"
              name="files"
              type="file"
              className="block w-full text-sm"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={data?.problem ? "import-problem" : undefined}
            />
          </div>
          {data?.problem ? (
            <p id="import-problem" role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 font-medium text-red-900" data-testid="import-problem">
              {t(data.problem.key, data.problem.params)}
            </p>
          ) : null}
          <SubmitButton>{t("import.preview")}</SubmitButton>
        </Form>
      </section>

      {data && data.rows.length ? (
        <section aria-labelledby="import-step3" className="card" data-testid="import-preview">
          <h2 id="import-step3" className="font-semibold">{t("import.step3")}</h2>
          <p className="mt-1">{t("import.previewTitle", { count: data.rows.length })}</p>
          {withErrors ? (
            <p role="alert" className="mt-2 font-medium text-red-800" data-testid="import-has-errors">
              {t("import.rowsWithErrors", { count: withErrors })}
            </p>
          ) : (
            <p className="mt-2 font-medium text-green-800">{t("import.allValid")}</p>
          )}
          <div className="mt-3 max-w-full overflow-x-auto rounded border border-slate-200">
            <table className="min-w-full text-left text-sm">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className="p-2">{t("import.line")}</th>
                  <th scope="col" className="p-2">{t("import.itemTitle")}</th>
                  <th scope="col" className="p-2">{t("import.errors")}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.line} className="border-t border-slate-200 align-top" data-testid="import-row">
                    <td className="p-2 tabular-nums">{r.line}</td>
                    <td className="p-2">{r.title}</td>
                    <td className="p-2">
                      {r.errors.length ? (
                        <ul className="space-y-0.5 text-red-800">
                          {r.errors.map((e, i) => (
                            <li key={i}>{e.column ? t("import.fieldError", { column: e.column, message: e.message }) : e.message}</li>
                          ))}
                        </ul>
                      ) : (
                        <span className="text-green-800">{t("import.ok")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.payload ? (
            <Form method="post" encType="multipart/form-data" className="mt-3">
              <input type="hidden" name="intent" value="commit" />
              <input type="hidden" name="payload" value={data.payload} />
              <SubmitButton>{t("import.commit", { count: data.rows.length })}</SubmitButton>
            </Form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
