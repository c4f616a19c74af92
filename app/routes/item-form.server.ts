import type { SubmissionResult } from "@conform-to/react";
import { json } from "@remix-run/node";
import type { Author } from "~/domain/audit-actor";
import { openedSince, type RecordConflict } from "~/domain/conflict";
import { itemSchema } from "~/domain/schemas/item";
import { changesSince } from "~/models/conflict.server";
import { createItem, invalidReferences, itemFormOptions, updateItem } from "~/models/roadmap-item.server";
import { parseForm } from "~/utils/parse-form.server";
import { readFormData } from "~/utils/request-body.server";
import { redirectWithToast } from "~/utils/session.server";

// The action of the item form, shared by /items/new (no item yet) and /items/:itemId/edit: each
// route guards, then hands the submission here.

type Options = Awaited<ReturnType<typeof itemFormOptions>>;

/** What a refused save answers: the reply keeps the input; a 409 also lists what changed meanwhile. */
export type ItemFormData = { result: SubmissionResult<string[]>; conflict: RecordConflict | null };

const refused = (data: ItemFormData, status = 400) => json<ItemFormData>(data, { status });

export async function submitItemForm(
  request: Request,
  author: Author,
  target: { campusId: string; options: Options; itemId?: string },
) {
  const formData = await readFormData(request);
  const submission = parseForm(formData, itemSchema(target.options.agreement));
  if (submission.status !== "success") return refused({ result: submission.reply(), conflict: null });
  const badRefs = await invalidReferences(target.campusId, submission.value, target.itemId);
  if (Object.keys(badRefs).length) return refused({ result: submission.reply({ fieldErrors: badRefs }), conflict: null });
  if (!target.itemId) {
    const item = await createItem(author, target.campusId, target.options.agreement?.id ?? null, submission.value);
    return redirectWithToast(request, `/items/${item.id}`, { type: "success", key: "item.created" });
  }
  const version = submission.value.version;
  if (!version) return refused({ result: submission.reply({ formErrors: ["error.400"] }), conflict: null });
  const saved = await updateItem(author, target.itemId, version, submission.value);
  if (!saved.ok) {
    const since = openedSince(String(formData.get("startedAt") ?? ""));
    const changes = await changesSince([{ entity: "RoadmapItem", entityIds: [target.itemId], actions: ["update"] }], since);
    const conflict = {
      version: saved.conflict.current.version,
      changes: changes.map((c) => ({ at: c.at, by: c.by, after: c.after })),
    };
    return refused({ result: submission.reply(), conflict }, 409);
  }
  return redirectWithToast(request, `/items/${target.itemId}`, { type: "success", key: "item.saved" });
}
