import { useEffect, useState } from "react";
import type { RecordChange, RecordConflict } from "~/domain/conflict";
import { formatDateTime, isMessageKey } from "~/domain/i18n";
import { formatAuditValue } from "./audit-changes";
import { useLocale, useT } from "./i18n";

/**
 * Shown when a save was refused because someone else changed the record after the form was
 * opened (see ~/domain/conflict): who changed what, from the audit trail. The user's input stays
 * in the form around it; `children` are the way out (save over it on purpose, or discard).
 */
export function ConflictPanel({
  title,
  intro,
  conflict,
  fieldLabel,
  describe,
  summarize,
  headingLevel = 2,
  children,
}: {
  title: string;
  /** what happens next; defaults to "your input was not saved and is still in the form" */
  intro?: string;
  conflict: RecordConflict;
  /** a field's name as the form labels it; defaults to the audit trail's labels */
  fieldLabel?: (field: string) => string;
  /** a stored value as the user reads it; defaults to the audit trail's formatting */
  describe?: (field: string, value: unknown) => string;
  /** one sentence for a change that is not a list of fields (a removal, a link, a new value) */
  summarize?: (change: RecordChange) => string | null;
  headingLevel?: 2 | 3 | 4;
  children?: React.ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const Heading = `h${headingLevel}` as const;
  const label = (field: string) => {
    if (fieldLabel) return fieldLabel(field);
    const key = `audit.field.${field}`;
    return isMessageKey(key) ? t(key) : field;
  };
  const show = (field: string, value: unknown) => (describe ? describe(field, value) : formatAuditValue(value, t, locale));
  return (
    <section role="alert" className="rounded-md border-l-4 border-amber-500 bg-amber-50 p-4 text-amber-950" data-testid="conflict">
      <Heading className="font-bold">{title}</Heading>
      <p className="mt-1">{intro ?? t("conflict.intro")}</p>
      {conflict.changes.map((change, index) => {
        const sentence = summarize?.(change) ?? null;
        const fields = Object.entries(change.after);
        return (
          <div key={`${change.at}-${index}`} className="mt-2" data-testid="conflict-change">
            <p className="font-semibold">
              {t("conflict.changeBy", { name: change.by ?? t("audit.system"), time: formatDateTime(change.at, locale) })}
            </p>
            {sentence ? (
              <p>{sentence}</p>
            ) : fields.length === 0 ? (
              <p className="text-sm">{t("conflict.noDetails")}</p>
            ) : (
              <dl className="mt-1 grid gap-x-3 text-sm sm:grid-cols-[max-content_1fr]">
                {fields.map(([field, value]) => (
                  <div key={field} className="contents">
                    <dt className="font-semibold">{label(field)}</dt>
                    <dd className="whitespace-pre-line break-words">
                      {t("conflict.theirs")}: {show(field, value)}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </div>
        );
      })}
      {children ? <div className="mt-3 flex flex-wrap gap-2">{children}</div> : null}
    </section>
  );
}

/** Leaves the refused input behind and loads the page as it is now. */
export function ConflictDiscardLink({ href = "?" }: { href?: string }) {
  const t = useT();
  return (
    <a className="btn-secondary" href={href}>
      {t("conflict.discard")}
    </a>
  );
}

/**
 * The version an edit form was opened at, and when (the conflict lists what was saved since). It
 * follows the record only when the viewer made the latest save (the form reopens on what they
 * saved); a save by somebody else leaves the form and its typing as they are, so saving meets the
 * version check and shows the conflict.
 */
export function useOpenedVersion(version: number, startedAt: string, savedByViewer: boolean): { version: number; startedAt: string } {
  const [opened, setOpened] = useState({ version, startedAt });
  useEffect(() => {
    if (savedByViewer) setOpened((was) => (was.version === version ? was : { version, startedAt }));
  }, [version, startedAt, savedByViewer]);
  return opened;
}

/**
 * The lost-update check a version-checked form sends: the version it was opened at and when (the
 * conflict panel lists what changed since). After a refusal it carries the current version, so
 * sending again is a deliberate choice to save over the other change.
 */
export function VersionFields({ version, startedAt, conflict }: { version: number; startedAt: string; conflict?: Pick<RecordConflict, "version"> | null }) {
  const current = conflict?.version ?? version;
  return (
    <>
      {/* keyed by its value: a new version after a refusal replaces the field the browser kept */}
      <input type="hidden" name="version" value={current} key={`v${current}`} />
      <input type="hidden" name="startedAt" value={startedAt} />
    </>
  );
}
