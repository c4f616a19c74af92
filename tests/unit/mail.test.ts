import { describe, expect, it } from "vitest";
import { translator } from "~/domain/i18n";
import { absoluteUrl, escapeHtml, notificationSubjectKey, notificationText, renderMail, whatsAppNudge } from "~/domain/mail";

describe("e-mails", () => {
  const mail = renderMail({
    lang: "id",
    subject: 'Komentar baru pada "<b>Air</b>"\r\nBcc: someone@evil.example',
    greeting: "Halo <Lia>,",
    paragraphs: ["Tom & Jerry's \"note\""],
    sections: [{ title: "Belum dilaporkan", lines: [{ text: "Program <x>", url: "https://app.example/items/1#new-update" }], more: "… dan 2 lainnya" }],
    action: { label: "Buka", url: "https://app.example/items/1?a=1&b=2" },
    footer: "Atur e-mail Anda",
  });

  it("keeps the subject on one line (no header injection)", () => {
    expect(mail.subject).toBe('Komentar baru pada "<b>Air</b>" Bcc: someone@evil.example');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it("escapes every value in the HTML part and keeps the text part plain", () => {
    expect(mail.html).toContain('<html lang="id">');
    expect(mail.html).toContain("Halo &lt;Lia&gt;,");
    expect(mail.html).toContain("Tom &amp; Jerry&#39;s &quot;note&quot;");
    expect(mail.html).toContain('href="https://app.example/items/1?a=1&amp;b=2"');
    expect(mail.html).not.toContain("<x>");
    expect(mail.text).toContain("Halo <Lia>,");
    expect(mail.text).toContain("- Program <x>\n  https://app.example/items/1#new-update");
    expect(mail.text).toContain("Buka: https://app.example/items/1?a=1&b=2");
    expect(escapeHtml(`<'&">`)).toBe("&lt;&#39;&amp;&quot;&gt;");
  });

  it("builds absolute links and translated notification texts and subjects", () => {
    expect(absoluteUrl("https://app.example/", "/items/1")).toBe("https://app.example/items/1");
    const t = translator("en");
    const params = { milestone: "M", item: "I", decision: "milestone.state.RETURNED" };
    expect(notificationText({ kind: "notify.milestoneEvaluated", params }, t)).toBe('The milestone "M" (I) has been evaluated: Returned for rework.');
    expect(notificationSubjectKey("notify.comment")).toBe("mail.subject.notify.comment");
    expect(notificationSubjectKey("notify.somethingNew")).toBe("mail.subject.generic");
  });

  it("prefills WhatsApp in Indonesian with the link", () => {
    const href = whatsAppNudge({ key: "whatsapp.item", params: { campus: "ITB", item: "Air & sanitasi" } }, "https://app.example", "/items/1#new-update");
    expect(href.startsWith("https://wa.me/?text=")).toBe(true);
    expect(new URL(href).searchParams.get("text")).toBe(
      'Yth. penghubung ITB: mohon perbarui program "Air & sanitasi" di Kolaborasi Banten: https://app.example/items/1#new-update',
    );
  });
});
