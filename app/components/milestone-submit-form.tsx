import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { ACCEPT, MAX_FILES, MAX_FILE_BYTES } from "~/domain/evidence";
import { submitMilestoneSchema, type SubmitMilestoneInput } from "~/domain/schemas/milestone";
import { ErrorList, SubmitButton, TextareaField } from "./forms";
import { useT } from "./i18n";

/**
 * The campus submits a milestone with its self-assessment and evidence: a multipart POST that
 * works without JavaScript. `version` is the one the page showed; a later change is refused.
 */
export function MilestoneSubmitForm({
  version,
  resubmission,
  lastResult,
  filesDropped,
}: {
  version: number;
  resubmission: boolean;
  lastResult?: SubmissionResult<string[]> | null;
  filesDropped?: boolean;
}) {
  const t = useT();
  const [form, fields] = useForm<SubmitMilestoneInput, Record<string, unknown>>({
    id: "milestone-submit",
    lastResult,
    constraint: getZodConstraint(submitMilestoneSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: submitMilestoneSchema }),
  });
  return (
    <Form method="post" encType="multipart/form-data" className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="submit" />
      <input type="hidden" name="version" value={version} />
      <div role={form.errors?.length ? "alert" : undefined}>
        <ErrorList id={form.errorId} errors={[...(form.errors ?? []), ...(fields.version.errors ?? [])]} />
      </div>
      <TextareaField label={t("milestone.selfAssessment")} field={fields.selfAssessment} rows={4} />
      <TextareaField label={`${t("milestone.submissionNote")} (${t("form.optional")})`} field={fields.submissionNote} rows={3} />
      <TextareaField label={t("milestone.links")} field={fields.links} rows={2} />
      <div>
        <label className="label" htmlFor={fields.files.id}>
          {t("milestone.files")}
        </label>
        <input className="block w-full text-sm" {...getInputProps(fields.files, { type: "file" })} multiple accept={ACCEPT} />
        <p className="mt-1 text-sm text-slate-600">
          {t("progress.filesHint", { count: MAX_FILES, size: MAX_FILE_BYTES / 1024 / 1024 })}
        </p>
        {filesDropped ? (
          <p role="alert" className="mt-1 text-sm font-medium text-amber-800">
            {t("progress.filesAgain")}
          </p>
        ) : null}
        <ErrorList id={fields.files.errorId} errors={fields.files.errors} />
      </div>
      <SubmitButton>{t(resubmission ? "milestone.resubmit" : "milestone.submit")}</SubmitButton>
    </Form>
  );
}
