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

