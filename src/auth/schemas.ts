import { z } from '@hono/zod-openapi';
import { config } from '../config';
import { MemberSchema } from '../members/schemas';

export const EmailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .max(254, 'That address is too long.')
  .pipe(z.email('Enter a valid email address, like name@example.com.'));

export const MagicLinkRequestSchema = z
  .object({
    email: EmailSchema,
    turnstileToken: z
      .string()
      .max(2048)
      .optional()
      .openapi({ description: 'Required when the deployment has Turnstile on: the token its widget gave.' }),
  })
  .strict()
  .openapi('MagicLinkRequest');

export const MagicLinkAcceptedSchema = z
  .object({ message: z.string() })
  .openapi('MagicLinkAccepted');

/** What people type: digits, perhaps with a space in the middle as the email shows them. */
export const SignInCodeSchema = z
  .string({ error: 'Enter the code from the email.' })
  .transform((typed) => typed.replace(/\s+/g, ''))
  .pipe(z.string().regex(new RegExp(`^\\d{${config.auth.codeDigits}}$`), `The code is ${config.auth.codeDigits} digits.`));

export const SessionRequestSchema = z
  .object({
    token: z.string({ error: 'The token from the sign-in link is required.' }).min(1).max(200).optional(),
    email: EmailSchema.optional(),
    code: SignInCodeSchema.optional(),
  })
  .strict()
  .superRefine((body, context) => {
    if (body.token !== undefined ? body.email === undefined && body.code === undefined : body.email && body.code) return;
    if (body.token !== undefined) {
      context.addIssue({ code: 'custom', path: ['token'], message: 'Send either the token, or the email and code.' });
      return;
    }
    for (const field of ['email', 'code'] as const) {
      if (body[field] === undefined) context.addIssue({ code: 'custom', path: [field], message: `Send the link's token, or the email and the ${field === 'code' ? 'code from it' : 'address it went to'}.` });
    }
  })
  .openapi('SessionRequest', { description: 'Either `{token}` from the link, or `{email, code}` from the same email.' });

export const SessionSchema = z
  .object({ token: z.string(), member: MemberSchema })
  .openapi('Session');

export const SignedOutSchema = z.object({ sessionsEnded: z.number().int() }).openapi('SignedOut');
