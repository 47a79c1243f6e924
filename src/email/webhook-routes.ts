import { createRoute, z } from '@hono/zod-openapi';
import { eq, sql } from 'drizzle-orm';
import { Resend } from 'resend';
import { database } from '../db/client';
import { statement } from '../db/statements';
import { emailOutbox, suppressions, webhookEvents } from '../db/schema';
import { ApiError } from '../lib/errors';
import { commonErrors, writeErrors, errorResponse, jsonResponse } from '../lib/openapi';
import { createRouter } from '../lib/router';

/** Verifying a signature calls no API, but the SDK's client will not exist without some key. */
const verifier = new Resend('re_signature_verification_only').webhooks;

const ResendEvent = z.object({
  type: z.string(),
  created_at: z.string().optional(),
  data: z.object({ email_id: z.string().optional(), to: z.union([z.array(z.string()), z.string()]).optional() }).loose(),
});

const webhook = createRoute({
  operationId: 'receiveResendWebhook',
  method: 'post',
  path: '/webhooks/resend',
  summary: 'Resend events (Svix-signed)',
  description:
    'Verifies the Svix signature over the raw body with RESEND_WEBHOOK_SECRET (Resend SDK), refuses timestamps more than 5 minutes off, records the event against the outbox row and suppresses bounced or complained addresses. A repeated svix-id is answered 200 and changes nothing, so Svix stops retrying it.',
  tags: ['Webhooks'],
  // Authenticated by its Svix signature, not by a member's credentials.
  security: [],
  responses: {
    200: jsonResponse('Recorded (or already recorded under this svix-id).', z.object({ received: z.boolean() })),
    ...commonErrors, ...writeErrors,
    401: errorResponse('Bad or stale signature.'),
  },
});

const SUPPRESSING: Record<string, 'bounced' | 'complained'> = { 'email.bounced': 'bounced', 'email.complained': 'complained' };

export const webhookApi = createRouter().openapi(webhook, async (c) => {
  const secret = c.env.RESEND_WEBHOOK_SECRET;
  if (!secret) throw new ApiError(503, 'webhooks_not_configured', 'RESEND_WEBHOOK_SECRET is not set.');
  const body = await c.req.text();
  const svixId = c.req.header('svix-id') ?? '';
  try {
    verifier.verify({
      payload: body,
      headers: { id: svixId, timestamp: c.req.header('svix-timestamp') ?? '', signature: c.req.header('svix-signature') ?? '' },
      webhookSecret: secret,
    });
  } catch (error) {
    throw new ApiError(401, 'invalid_signature', `Webhook refused: ${error instanceof Error ? error.message : 'bad signature'}.`);
  }

  let parsed: z.infer<typeof ResendEvent>;
  try {
    parsed = ResendEvent.parse(JSON.parse(body));
  } catch {
    throw new ApiError(400, 'malformed_body', 'The webhook body is not a Resend event.');
  }
  const d1 = c.env.DB;
  const db = database(d1);
  const now = c.var.clock();
  const recipients = (Array.isArray(parsed.data.to) ? parsed.data.to : parsed.data.to ? [parsed.data.to] : []).map((a) => a.toLowerCase());
  const suppress = SUPPRESSING[parsed.type];
  const outboxRow = db.select({ id: emailOutbox.id }).from(emailOutbox).where(eq(emailOutbox.providerId, parsed.data.email_id ?? '')).limit(1);
  // One batch: suppress only while this svix-id is unseen, then record it, so a repeated delivery changes nothing.
  const unseen = sql`NOT EXISTS (SELECT 1 FROM ${webhookEvents} WHERE ${webhookEvents.svixId} = ${svixId})`;
  await d1.batch([
    ...(suppress
      ? recipients.map((address) =>
          statement(d1, sql`INSERT INTO ${suppressions} (email, reason, created_at) SELECT ${address}, ${suppress}, ${now} WHERE ${unseen} ON CONFLICT DO NOTHING`),
        )
      : []),
    statement(d1, db.insert(webhookEvents).values({ svixId, type: parsed.type, outboxId: sql`(${outboxRow})`, receivedAt: now }).onConflictDoNothing()),
  ]);
  return c.json({ received: true }, 200);
});
