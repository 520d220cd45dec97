import { desc } from 'drizzle-orm';
import { z } from 'zod';
import { routesFor } from '../../http/route';
import type { Db } from '../../db/client';
import { mailOutbox } from '../../db/schema';
import { AppError } from '../../errors/app-error';

export interface DevRouteDeps {
  readonly devOutbox: { readonly enabled: boolean; readonly db: Db };
}

const route = routesFor<DevRouteDeps>();

export const outboxSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        to: z.string(),
        subject: z.string(),
        text: z.string(),
        createdAt: z.string(),
        sentAt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'DevOutbox' });

export const devRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/dev/outbox',
    operationId: 'getDevOutbox',
    summary: 'The mail outbox, for the demo and tests (development and test only; 404 in production)',
    description: 'Without SMTP, mail stays in the outbox. This viewer exists only when KASSEIKA_ENV is not production.',
    tags: ['dev'],
    access: { kind: 'public' },
    success: { status: 200, description: 'The 50 newest messages', schema: outboxSchema },
    problems: [404],
    handler: async (_input, { deps }) => {
      if (!deps.devOutbox.enabled) throw new AppError('ROUTE_NOT_FOUND');
      const rows = await deps.devOutbox.db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(50);
      return {
        items: rows.map((m) => ({
          id: m.id,
          to: m.toAddress,
          subject: m.subject,
          text: m.textBody,
          createdAt: m.createdAt.toISOString(),
          sentAt: m.sentAt?.toISOString() ?? null,
        })),
      };
    },
  }),
];
