import { EXPORT_ENTITIES, EXPORT_SHEET_NAMES, exportHref } from "~/domain/export-columns";
import type { Role } from "~/domain/enums";
import { can, type Principal } from "~/domain/policy";
import { useRootData, useT } from "./i18n";

/**
 * Download links to the exports with the filters of the current view (e.g. the dashboard's
 * search params). Hidden from users who may not export. A liaison's exports are always of their
 * own campus, so their links drop the page's campus filter instead of leading to a refusal.
 */
export function ExportLinks({ search }: { search: URLSearchParams | string }) {
  const t = useT();
  const user = useRootData()?.user;
  if (!user) return null;
  const actor: Principal = { id: user.id, role: user.role as Role, campusIds: user.campusIds };
  const everything = can(actor, "export.read");
  if (!everything && !actor.campusIds.some((campusId) => can(actor, "export.read", { campusId }))) return null;
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const href = (file: string) => exportHref(file, params, everything);
  return (
    <section className="card no-print space-y-2" aria-labelledby="export-links-title" data-testid="export-links">
      <h2 id="export-links-title" className="font-semibold">
        {t("export.links.title")}
      </h2>
      <p className="text-sm text-slate-600">
        {t("export.links.hint")} {everything ? null : t("export.links.ownCampus")}
      </p>
      <ul className="flex flex-wrap gap-2">
        <li>
          <a className="btn" href={href("tracker.xlsx")} download>
            {t("export.links.xlsx")}
          </a>
        </li>
        {EXPORT_ENTITIES.map((entity) => (
          <li key={entity}>
            <a className="btn-secondary" href={href(`${entity}.csv`)} download>
              {t("export.links.csv")}: {t(EXPORT_SHEET_NAMES[entity])}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
