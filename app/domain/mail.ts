import type { Locale } from "./enums";
import { isMessageKey, textKey, translator, type MessageKey, type Translate } from "./i18n";

// E-mails as pure functions of their content: a plain-text part and a small hand-written HTML part
// in which every value is escaped. The words come from the dictionary (app/domain/messages/mail.ts).

/** The states of an outbox message (app/models/outbox.server.ts). */
export const OUTBOX_STATES = ["PENDING", "SENDING", "SENT", "FAILED"] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export type MailLine = { text: string; url: string };
export type MailSection = { title: string; lines: MailLine[]; more?: string };
export type MailContent = {
  /** the language of the text (the HTML part's lang) */
  lang: Locale;
  subject: string;
  greeting: string;
  paragraphs: string[];
  sections?: MailSection[];
  action?: { label: string; url: string };
  footer: string;
};
export type RenderedMail = { subject: string; text: string; html: string };

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** `path` (starting with "/") under the public base URL. */
export function absoluteUrl(appUrl: string, path: string): string {
  return `${appUrl.replace(/\/+$/, "")}${path.startsWith("/") ? path : `/${path}`}`;
}

/** A subject is one line: no line breaks (a header injection), at most 200 characters. */
function oneLine(text: string): string {
  const flat = text.replace(/[\r\n\t]+/g, " ").trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

export function renderMail(content: MailContent): RenderedMail {
  const text: string[] = [content.greeting, ""];
  for (const p of content.paragraphs) text.push(p, "");
  for (const section of content.sections ?? []) {
    text.push(section.title, "-".repeat(Math.min(section.title.length, 60)));
    for (const line of section.lines) text.push(`- ${line.text}`, `  ${line.url}`);
    if (section.more) text.push(section.more);
    text.push("");
  }
  if (content.action) text.push(`${content.action.label}: ${content.action.url}`, "");
  text.push("-- ", content.footer);

  const e = escapeHtml;
  const link = (url: string, label: string) => `<a href="${e(url)}" style="color:#0369a1">${e(label)}</a>`;
  const html = [
    `<!DOCTYPE html><html lang="${content.lang}"><head><meta charset="utf-8"><title>${e(oneLine(content.subject))}</title></head>`,
    `<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#0f172a;max-width:600px;margin:0 auto;padding:16px">`,
    `<p>${e(content.greeting)}</p>`,
    ...content.paragraphs.map((p) => `<p>${e(p)}</p>`),
    ...(content.sections ?? []).map(
      (s) =>
        `<h2 style="font-size:16px;margin:20px 0 6px">${e(s.title)}</h2><ul style="padding-left:20px;margin:0">` +
        s.lines.map((l) => `<li style="margin:4px 0">${link(l.url, l.text)}</li>`).join("") +
        `</ul>${s.more ? `<p style="color:#475569">${e(s.more)}</p>` : ""}`,
    ),
    content.action
      ? `<p style="margin:24px 0"><a href="${e(content.action.url)}" style="background:#0369a1;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;display:inline-block">${e(content.action.label)}</a></p>`
      : "",
    `<hr style="border:none;border-top:1px solid #cbd5e1;margin-top:24px"><p style="font-size:12px;color:#475569">${e(content.footer)}</p>`,
    `</body></html>`,
  ].join("\n");
  return { subject: oneLine(content.subject), text: text.join("\n"), html };
}

/** Parameters that are dictionary keys (a decision, a state) are translated, the others kept. */
export function translatedParams(t: Translate, params: Record<string, string | number>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "string" && isMessageKey(v) ? t(v) : v]));
}

/** A notification's sentence (its kind is a dictionary key), as the notification list shows it. */
export function notificationText(n: { kind: string; params: Record<string, string | number> }, t: Translate): string {
  return t(textKey(n.kind, "label.unknown"), translatedParams(t, n.params));
}

/** The subject of the e-mail of a notification kind: what happened, and at which campus. */
export function notificationSubjectKey(kind: string): MessageKey {
  return textKey(`mail.subject.${kind}`, "mail.subject.generic");
}

/** A wa.me link that opens WhatsApp with `text` prefilled (no number: the sender picks the chat). */
export function whatsAppLink(text: string): string {
  return `https://wa.me/?text=${encodeURIComponent(text)}`;
}

export type WhatsAppNudge =
  | { key: "whatsapp.reminder"; params: { campus: string; count: number; days: number } }
  | { key: "whatsapp.milestoneOverdue"; params: { campus: string; milestone: string; due: string } }
  | { key: "whatsapp.item"; params: { campus: string; item: string } };

/**
 * The governor's office's nudge to a campus as a WhatsApp link: the message always in Indonesian
 * (the campus reads it), ending with the absolute link to where the campus acts.
 */
export function whatsAppNudge(nudge: WhatsAppNudge, appUrl: string, path: string): string {
  return whatsAppLink(translator("id")(nudge.key, { ...nudge.params, url: absoluteUrl(appUrl, path) }));
}
