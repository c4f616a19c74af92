import { getCollectionProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { ROLES } from "~/domain/enums";
import { ErrorList } from "./forms";
import { useT } from "./i18n";

// Fields shared by the "create user" and "edit user" forms of /admin/users.

export type CampusOption = { slug: string; name: string; abbreviation: string | null };

export function RoleField({ field }: { field: FieldMetadata<string | undefined> }) {
  const t = useT();
  return (
    <div>
      <label className="label" htmlFor={field.id}>
        {t("users.role")}
      </label>
      <select className="input" {...getSelectProps(field)}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`role.${role}`)}
          </option>
        ))}
      </select>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function CampusField({ field, campuses }: { field: FieldMetadata<string[] | undefined>; campuses: CampusOption[] }) {
  const t = useT();
  const hintId = `${field.id}-hint`;
  const names = new Map(campuses.map((c) => [c.slug, c]));
  return (
    <fieldset aria-describedby={field.errors?.length ? `${hintId} ${field.errorId}` : hintId}>
      <legend className="label">{t("users.campuses")}</legend>
      <p id={hintId} className="mb-2 text-sm text-slate-600">
        {t("users.campusesHint")}
      </p>
      <div className="grid gap-1 sm:grid-cols-2">
        {getCollectionProps(field, { type: "checkbox", options: campuses.map((c) => c.slug) }).map(({ key, ...props }) => {
          const campus = names.get(props.value)!;
          return (
            <label key={key} htmlFor={props.id} className="flex min-h-11 items-center gap-2 rounded px-1 hover:bg-slate-50">
              <input {...props} className="h-5 w-5 shrink-0" />
              <span>
                {campus.abbreviation ? <span className="font-semibold">{campus.abbreviation}</span> : null}{" "}
                <span className="text-sm text-slate-700">{campus.name}</span>
              </span>
            </label>
          );
        })}
      </div>
      <ErrorList id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}

export function CampusBadges({ campuses }: { campuses: { slug: string; abbreviation: string | null }[] }) {
  if (campuses.length === 0) return <span className="text-slate-500">–</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {campuses.map((c) => (
        <span key={c.slug} className="rounded bg-slate-100 px-2 py-0.5 text-xs font-semibold">
          {c.abbreviation ?? c.slug}
        </span>
      ))}
    </span>
  );
}

export type UnitOption = { code: string; name: string; abbreviation: string | null; retired: boolean };

/** The units a unit focal point (PIC Perangkat Daerah) serves: active ones, and a retired one the account already has. */
export function UnitField({ field, units }: { field: FieldMetadata<string[] | undefined>; units: UnitOption[] }) {
  const t = useT();
  const hintId = `${field.id}-hint`;
  const byCode = new Map(units.map((u) => [u.code, u]));
  return (
    <fieldset aria-describedby={field.errors?.length ? `${hintId} ${field.errorId}` : hintId}>
      <legend className="label">{t("users.units")}</legend>
      <p id={hintId} className="mb-2 text-sm text-slate-600">
        {t("users.unitsHint")}
      </p>
      <div className="grid gap-1 sm:grid-cols-2">
        {getCollectionProps(field, { type: "checkbox", options: units.map((u) => u.code) }).map(({ key, ...props }) => {
          const unit = byCode.get(props.value)!;
          return (
            <label key={key} htmlFor={props.id} className="flex min-h-11 items-center gap-2 rounded px-1 hover:bg-slate-50">
              <input {...props} className="h-5 w-5 shrink-0" />
              <span>
                {unit.abbreviation ? <span className="font-semibold">{unit.abbreviation}</span> : null}{" "}
                <span className="text-sm text-slate-700">{unit.name}</span>
                {unit.retired ? <span className="text-sm text-slate-600"> {t("users.unitRetiredMark")}</span> : null}
              </span>
            </label>
          );
        })}
      </div>
      <ErrorList id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}

export function UnitBadges({ units }: { units: { code: string; abbreviation: string | null }[] }) {
  if (units.length === 0) return <span className="text-slate-500">–</span>;
  return (
    <span className="flex flex-wrap gap-1" data-testid="user-units">
      {units.map((u) => (
        <span key={u.code} className="rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold">
          {u.abbreviation ?? u.code}
        </span>
      ))}
    </span>
  );
}
