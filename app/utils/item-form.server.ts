import { json, redirect } from "@remix-run/node";
import { itemSchema } from "~/domain/schemas/item";
import { createItem, invalidReferences, itemChangesSince, itemFormOptions, updateItem } from "~/models/roadmap-item.server";
import { auditActor, type AppLoadContext } from "./auth.server";
import type { SessionUser } from "~/models/user.server";
import { flashToast } from "./session.server";
import { parseForm } from "~/utils/parse-form.server";
import { readFormData } from "~/utils/request-body.server";

type Options = Awaited<ReturnType<typeof itemFormOptions>>;

/** The action of the item form, for both /items/new (no item) and /items/:id/edit. */
export async function submitItemForm(
  request: Request,
  context: AppLoadContext | undefined,
  user: SessionUser,
  target: { campusId: string; options: Options; itemId?: string },
) {
  const formData = await readFormData(request);
  const schema = itemSchema(target.options.agreement);
  const submission = parseForm(formData, schema);
  if (submission.status !== "success") {
    return json({ result: submission.reply(), conflict: null }, { status: 400 });
  }
  const badRefs = await invalidReferences(target.campusId, submission.value);
  if (Object.keys(badRefs).length) {
    return json({ result: submission.reply({ fieldErrors: badRefs }), conflict: null }, { status: 400 });
  }
  const actor = auditActor(user, context);
  if (!target.itemId) {
    const item = await createItem(actor, target.campusId, target.options.agreement?.id ?? null, submission.value);
    return redirect(`/items/${item.id}`, {
      headers: { "Set-Cookie": await flashToast(request, { type: "success", key: "item.created" }) },
    });
  }
  const version = submission.value.version;
  if (!version) return json({ result: submission.reply({ formErrors: ["error.400"] }), conflict: null }, { status: 400 });
  const saved = await updateItem(actor, target.itemId, version, submission.value);
  if (!saved.ok) {
    const startedAt = new Date(String(formData.get("startedAt") ?? ""));
    const since = Number.isNaN(startedAt.getTime()) ? new Date(0) : startedAt;
    const changes = await itemChangesSince(target.itemId, since);
    return json(
      {
        result: submission.reply(),
        conflict: {
          version: saved.conflict.current.version,
          changes: changes.map((c) => ({ at: c.at.toISOString(), by: c.by, after: c.after })),
        },
      },
      { status: 409 },
    );
  }
  return redirect(`/items/${target.itemId}`, {
    headers: { "Set-Cookie": await flashToast(request, { type: "success", key: "item.saved" }) },
  });
}
