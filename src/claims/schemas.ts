import { z } from '@hono/zod-openapi';

export const ClaimSchema = z
  .object({
    id: z.string(),
    draftId: z.string(),
    status: z.enum(['active', 'released', 'used', 'expired']),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .openapi('Claim');

export const ClaimIdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) });
