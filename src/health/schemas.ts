import { z } from '@hono/zod-openapi';

export const HealthSchema = z
  .object({
    ok: z.literal(true),
    database: z.literal('reachable'),
    problems: z.array(z.string()).openapi({
      description: 'Each missing or wrong setting, naming it and what it holds back; empty when all is configured.',
      example: ['UNSUBSCRIBE_SECRET is not set: notifications are held (sign-in email still goes out)'],
    }),
  })
  .openapi('Health');
