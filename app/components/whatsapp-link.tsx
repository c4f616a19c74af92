import { useT } from "./i18n";

/** "Send via WhatsApp": opens WhatsApp with a prefilled message; the sender picks the chat (no number is stored). */
export function WhatsAppLink({ href, className = "" }: { href: string; className?: string }) {
  const t = useT();
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className={`inline-block text-sm text-green-800 underline ${className}`} data-testid="whatsapp-link">
      {t("whatsapp.send")}
    </a>
  );
}
