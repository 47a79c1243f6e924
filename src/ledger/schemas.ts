import { z } from '@hono/zod-openapi';
import { TRANSFER_REASONS } from '../db/schema';

export const LedgerEntrySchema = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    reason: z.enum(TRANSFER_REASONS),
    /** Positive when credits came in, negative when they went out. */
    amount: z.number().int(),
    balanceAfter: z.number().int(),
    description: z.string(),
    draft: z.object({ id: z.string(), title: z.string() }).nullable(),
    reviewId: z.string().nullable(),
    claimId: z.string().nullable(),
  })
  .openapi('LedgerEntry');

export const LedgerPageSchema = z
  .object({ balance: z.number().int(), items: z.array(LedgerEntrySchema), nextCursor: z.string().nullable() })
  .openapi('LedgerPage');

export const LedgerQuery = z.object({ cursor: z.string().max(500).optional() }).strict();
