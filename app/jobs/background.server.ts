import type { Env } from "~/utils/env.server";
import { createMailSender } from "./mail-sender.server";
import { startScheduler } from "./scheduler.server";

// The work the server process does by itself, started by server.mjs after it listens (never by a
// test unless the test starts it): the mail sender and the scheduler.

/** How often the sender looks at the outbox. */
export const MAIL_POLL_MS = 3000;

export function startBackgroundWork(config: Env, log: (message: string) => void = (m) => console.log(m)) {
  let sender: ReturnType<typeof createMailSender> | null = null;
  if (config.SMTP_URL) {
    sender = createMailSender({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, log });
    sender.start(MAIL_POLL_MS);
    log(`E-mail: sending through ${new URL(config.SMTP_URL).host} as ${config.MAIL_FROM}; links point to ${config.APP_URL}`);
  } else {
    log("E-mail: SMTP_URL is not set, so e-mails are kept in the outbox (readable at /admin/outbox) and not sent.");
  }
  const scheduler = startScheduler({ staleAfterDays: config.STALE_AFTER_DAYS }, { log });
  return {
    async stop() {
      scheduler.stop();
      await sender?.stop();
    },
  };
}
