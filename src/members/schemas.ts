import { z } from '@hono/zod-openapi';
import { config } from '../config';

export const MemberSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string().max(config.member.nameMaxLength),
    credits: z.number().int().openapi({ description: 'Your balance: always the sum of your ledger entries.' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Member');
