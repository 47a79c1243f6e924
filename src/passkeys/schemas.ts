import { z } from '@hono/zod-openapi';

const base64url = z.string().max(4096).regex(/^[A-Za-z0-9_-]*$/, 'Expected base64url.');

const transports = z.array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'])).max(8);

/** A WebAuthn credential as @simplewebauthn/browser serialises it; the two ceremonies differ only in `response`. */
const publicKeyCredential = <Response extends z.ZodRawShape>(response: Response) =>
  z
    .object({
      id: base64url,
      rawId: base64url,
      type: z.literal('public-key'),
      response: z.object(response).strict(),
      authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
      clientExtensionResults: z.record(z.string(), z.unknown()),
    })
    .strict();

/** What `startRegistration` of @simplewebauthn/browser gives back (RegistrationResponseJSON). */
export const PasskeyRegistrationSchema = publicKeyCredential({
  clientDataJSON: base64url,
  attestationObject: base64url,
  authenticatorData: base64url.optional(),
  transports: transports.optional(),
  publicKeyAlgorithm: z.number().int().optional(),
  publicKey: base64url.optional(),
}).openapi('PasskeyRegistration', { description: 'The browser\'s answer to the registration options (RegistrationResponseJSON).' });

/** What `startAuthentication` gives back (AuthenticationResponseJSON). */
export const PasskeyAssertionSchema = publicKeyCredential({
  clientDataJSON: base64url,
  authenticatorData: base64url,
  signature: base64url,
  userHandle: base64url.optional(),
}).openapi('PasskeyAssertion', { description: 'The browser\'s answer to the authentication options (AuthenticationResponseJSON).' });

export const WebAuthnOptionsSchema = z
  .record(z.string(), z.unknown())
  .openapi('WebAuthnOptions', {
    description: 'PublicKeyCredentialCreationOptionsJSON or PublicKeyCredentialRequestOptionsJSON, for navigator.credentials (or @simplewebauthn/browser).',
  });

export const PasskeySchema = z
  .object({
    id: z.string(),
    name: z.string().openapi({ example: 'Chrome on macOS, 30 Nov 2026' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
    lastUsedAt: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('Passkey');

/** A member has at most `maxPasskeysPerMember`, so the list is one page: nextCursor is always null. */
export const PasskeyListSchema = z
  .object({ items: z.array(PasskeySchema), nextCursor: z.string().nullable() })
  .openapi('PasskeyList');

export const PasskeyIdParamSchema = z.object({ id: z.string().min(1).max(64) });
