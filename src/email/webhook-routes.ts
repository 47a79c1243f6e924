import { createRoute, z } from '@hono/zod-openapi';
import { ApiError } from '../lib/errors';
import { commonErrors, writeErrors, errorResponse, jsonResponse } from '../lib/openapi';
import { createRouter } from '../lib/router';
import { svixRefusal } from './svix';

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
    'Verifies the Svix signature over the raw body with RESEND_WEBHOOK_SECRET, refuses timestamps older than 5 minutes and replayed svix-ids, records the event against the outbox row and suppresses bounced or complained addresses.',
  tags: ['Webhooks'],
  // Authenticated by its Svix signature, not by a member's credentials.
  security: [],
  responses: {
    200: jsonResponse('Recorded.', z.object({ received: z.boolean() })),
    ...commonErrors, ...writeErrors,
    401: errorResponse('Bad or stale signature.'),
    409: errorResponse('Replayed svix-id.'),
  },
});

const SUPPRESSING: Record<string, 'bounced' | 'complained'> = { 'email.bounced': 'bounced', 'email.complained': 'complained' };

export const webhookApi = createRouter().openapi(webhook, async (c) => {
  const secret = c.env.RESEND_WEBHOOK_SECRET;
  if (!secret) throw new ApiError(503, 'webhooks_not_configured', 'RESEND_WEBHOOK_SECRET is not set.');
  const body = await c.req.text();
  const svixId = c.req.header('svix-id');
  const refusal = await svixRefusal(
    secret,
    { id: svixId, timestamp: c.req.header('svix-timestamp'), signature: c.req.header('svix-signature') },
    body,
    Date.now(),
  );
  if (refusal) throw new ApiError(401, 'invalid_signature', `Webhook refused: ${refusal}.`);

  let parsed: z.infer<typeof ResendEvent>;
  try {
    parsed = ResendEvent.parse(JSON.parse(body));
  } catch {
    throw new ApiError(400, 'malformed_body', 'The webhook body is not a Resend event.');
  }
  const d1 = c.env.DB;
  const now = c.var.clock();
  const recipients = (Array.isArray(parsed.data.to) ? parsed.data.to : parsed.data.to ? [parsed.data.to] : []).map((a) => a.toLowerCase());
  const suppress = SUPPRESSING[parsed.type];
  const outboxOf = `(SELECT id FROM email_outbox WHERE provider_id = ? LIMIT 1)`;
  const [recorded] = await d1.batch([
    d1
      .prepare(`INSERT INTO webhook_events (svix_id, type, outbox_id, received_at) VALUES (?, ?, ${outboxOf}, ?) ON CONFLICT DO NOTHING`)
      .bind(svixId, parsed.type, parsed.data.email_id ?? null, now),
    ...(suppress
      ? recipients.map((address) =>
          d1
            .prepare('INSERT INTO suppressions (email, reason, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
            .bind(address, suppress, now),
        )
      : []),
  ]);
  if (recorded!.meta.changes === 0) throw new ApiError(409, 'webhook_replayed', 'This svix-id was already received.');
  return c.json({ received: true }, 200);
});
