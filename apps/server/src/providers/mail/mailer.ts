import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db, Tx } from '../../db/client';
import { mailOutbox } from '../../db/schema';
import { renderMail, type MailTemplate } from './mail-templates';

export interface Mailer {
  /** Writes the message to the outbox in the caller's transaction: it is sent only if the act commits. */
  enqueue(tx: Tx, to: string, template: MailTemplate): Promise<void>;
  /** Sends what is waiting (SMTP configured); returns how many were sent. */
  deliverPending(): Promise<number>;
  readonly transport: 'smtp' | 'outbox';
}

export interface MailerOptions {
  readonly db: Db;
  /** smtp://user:pass@host:port or smtps://… ; unset → messages stay in the outbox (shown by the demo mail viewer). */
  readonly smtpUrl: string | undefined;
  readonly from: string;
}

/**
 * Mail goes through the `mail_outbox` table first (nothing acknowledged is lost); with SMTP configured a worker
 * sends pending messages and records the attempt. Without SMTP the outbox is the delivery (development and demo).
 */
export function createMailer({ db, smtpUrl, from }: MailerOptions): Mailer {
  const transporter = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  return {
    transport: transporter ? 'smtp' : 'outbox',
    async enqueue(tx, to, template) {
      const mail = renderMail(template);
      await tx.insert(mailOutbox).values({ toAddress: to, subject: mail.subject, textBody: mail.text, template: template.kind });
    },
    async deliverPending() {
      if (!transporter) return 0;
      let sent = 0;
      const batch = await db
        .select()
        .from(mailOutbox)
        .where(and(isNull(mailOutbox.sentAt), lt(mailOutbox.attempts, 10)))
        .orderBy(asc(mailOutbox.createdAt))
        .limit(20);
      for (const m of batch) {
        try {
          await transporter.sendMail({ from, to: m.toAddress, subject: m.subject, text: m.textBody });
          await db
            .update(mailOutbox)
            .set({ sentAt: new Date(), attempts: sql`${mailOutbox.attempts} + 1` })
            .where(eq(mailOutbox.id, m.id));
          sent++;
        } catch (err) {
          await db
            .update(mailOutbox)
            .set({ attempts: sql`${mailOutbox.attempts} + 1`, lastError: err instanceof Error ? err.message.slice(0, 500) : 'error' })
            .where(eq(mailOutbox.id, m.id));
        }
      }
      return sent;
    },
  };
}
