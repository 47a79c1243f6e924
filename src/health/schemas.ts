import { z } from '@hono/zod-openapi';

export const HealthSchema = z
  .object({
    ok: z.literal(true),
    database: z.literal('reachable'),
  })
  .openapi('Health');
