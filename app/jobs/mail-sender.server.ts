import os from "node:os";
import nodemailer from "nodemailer";
import { claimDue, markFailed, markSent, newClaim, postpone, releaseInterrupted, retryDelayMs } from "~/models/outbox.server";

// The sender: drains the outbox through SMTP, in the server process and never in a request (a
// slow or absent mail server never slows anyone's page). Claim, send, mark: a message is SENDING
// before it goes out and SENT after, so a restart in between never sends it twice.

export type MailSender = {
  /** Sends what is due at `now`; returns how many were sent and how many failed. */
  drainOnce(now?: Date): Promise<{ sent: number; failed: number }>;
  /** Drains every `intervalMs` until stopped. */
  start(intervalMs?: number): void;
  stop(): Promise<void>;
};

export type MailSenderOptions = {
  smtpUrl: string;
  from: string;
  /** names this process in the claims (host and pid by default) */
  owner?: string;
  log?: (message: string) => void;
};

export function createMailSender(options: MailSenderOptions): MailSender {
  const owner = options.owner ?? `${os.hostname()}:${process.pid}`;
  const log = options.log ?? ((message: string) => console.error(message));
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    // one connection kept open between messages: a backlog (a digest morning, after an outage) goes out quickly
    pool: true,
    maxConnections: 1,
    // an unreachable or hanging server fails the attempt (retried later) instead of holding the drain
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  // after a failure the server is left alone for a while: new messages wait instead of each
  // trying (and logging) a connection that is likely down
  let pausedUntil = 0;
  // an outage is logged when it starts and when it ends, not every time the sender tries again
  let failing = false;

  async function drainOnce(now = new Date()) {
    let sent = 0;
    let failed = 0;
    if (now.getTime() < pausedUntil) return { sent, failed };
    await releaseInterrupted(now);
    // each batch is stamped with the time it is taken (a long drain's later batches are not taken
    // for interrupted by another process), on the clock `now` was given in
    const startedAt = Date.now();
    for (;;) {
      const claim = newClaim(owner);
      const batch = await claimDue(claim, now, undefined, new Date(now.getTime() + (Date.now() - startedAt)));
      if (batch.length === 0) break;
      for (const message of batch) {
        try {
          await transport.sendMail({
            from: options.from,
            to: message.toAddress,
            subject: message.subject,
            text: message.text,
            html: message.html,
            // one Message-ID per outbox row: a receiving server can tell a resent copy from a new message
            messageId: `<${message.id}@kolaborasi-banten>`,
          });
        } catch (error) {
          failed++;
          const reason = error instanceof Error ? error.message : String(error);
          const at = new Date();
          pausedUntil = now.getTime() + retryDelayMs(1);
          await markFailed(message, claim, reason, at);
          // the server is probably down: the rest of the batch waits as long, without an attempt counted
          const rest = batch.slice(batch.indexOf(message) + 1).map((m) => m.id);
          await postpone(rest, claim, new Date(at.getTime() + retryDelayMs(message.attempts)));
          if (!failing) log(`E-mail: sending failed (${reason}); tried again later, see /admin/outbox (logged again only after it has worked)`);
          failing = true;
          return { sent, failed };
        }
        // Sent. Should recording it fail (a busy database), the message stays SENDING: it is then
        // reported as interrupted and only an administrator sends it again — never a second copy
        // on its own, which putting it back to PENDING here would cause.
        try {
          if (!(await markSent(message.id, claim, new Date()))) log(`E-mail: sent ${message.id}, but an administrator had already sent it again`);
        } catch (error) {
          log(`E-mail: sent ${message.id} but could not record it (${error instanceof Error ? error.message : String(error)})`);
        }
        sent++;
        if (failing) log("E-mail: sending works again");
        failing = false;
      }
    }
    return { sent, failed };
  }

  return {
    drainOnce,
    start(intervalMs = 5000) {
      if (timer) return;
      const tick = () => {
        if (running) return;
        running = drainOnce()
          .catch((error) => log(`mail sender: ${error instanceof Error ? error.message : String(error)}`))
          .finally(() => (running = null));
      };
      timer = setInterval(tick, intervalMs);
      timer.unref();
      tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
      transport.close();
    },
  };
}
