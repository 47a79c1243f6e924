import { z } from '@hono/zod-openapi';
import { CLAIM_STATUSES } from '../db/schema';

export const ClaimSchema = z
  .object({
    id: z.string(),
    draftId: z.string(),
    status: z.enum(CLAIM_STATUSES),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .openapi('Claim');

