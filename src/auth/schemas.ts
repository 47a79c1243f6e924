import { z } from '@hono/zod-openapi';
import { MemberSchema } from '../members/schemas';

export const EmailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .max(254, 'That address is too long.')
  .pipe(z.email('Enter a valid email address, like name@example.com.'));

export const MagicLinkRequestSchema = z.object({ email: EmailSchema }).strict().openapi('MagicLinkRequest');

export const MagicLinkAcceptedSchema = z
  .object({ message: z.string() })
  .openapi('MagicLinkAccepted');

export const SessionRequestSchema = z
  .object({ token: z.string({ error: 'The token from the sign-in link is required.' }).min(1).max(200) })
  .strict()
  .openapi('SessionRequest');

export const SessionSchema = z
  .object({ token: z.string(), member: MemberSchema })
  .openapi('Session');

export const SignedOutSchema = z.object({ sessionsEnded: z.number().int() }).openapi('SignedOut');
