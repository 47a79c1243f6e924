import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers';
import { ORIGIN } from './helpers';

/**
 * A passkey authenticator in software, for tests through HTTP: makes the
 * registration and assertion answers a browser would (ES256, attestation
 * "none"), with knobs to forge, replay and rewind them.
 */

const RP_ID = new URL(ORIGIN).hostname;
const encoder = new TextEncoder();

const sha256 = async (data: Uint8Array) => new Uint8Array(await crypto.subtle.digest('SHA-256', data));
const concat = (...parts: Uint8Array[]): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};
const uint32 = (n: number) => new Uint8Array([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);

/** WebAuthn wants ECDSA signatures DER-encoded; WebCrypto gives r‖s. */
function derSignature(raw: Uint8Array): Uint8Array<ArrayBuffer> {
  const integer = (bytes: Uint8Array) => {
    let i = 0;
    while (i < bytes.length - 1 && bytes[i] === 0) i++;
    let trimmed = bytes.slice(i);
    if (trimmed[0]! & 0x80) trimmed = concat(new Uint8Array([0]), trimmed);
    return concat(new Uint8Array([0x02, trimmed.length]), trimmed);
  };
  const body = concat(integer(raw.slice(0, 32)), integer(raw.slice(32)));
  return concat(new Uint8Array([0x30, body.length]), body);
}

type Options = { origin?: string; rpId?: string };

/**
 * The attestation statement a registration carries: "none" (what browsers send when asked for none), "packed" signed
 * with the passkey's own key (self attestation, which browsers pass on unchanged), or any format and statement as given.
 */
type Attestation = 'none' | 'packed-self' | { fmt: string; attStmt: Map<string, unknown> };

export class SoftwareAuthenticator {
  counter = 0;
  readonly credentialId = crypto.getRandomValues(new Uint8Array(16));
  private keys!: CryptoKeyPair;
  userHandle: string | undefined;

  static async create() {
    const authenticator = new SoftwareAuthenticator();
    authenticator.keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    return authenticator;
  }

  get id() {
    return isoBase64URL.fromBuffer(this.credentialId);
  }

  private clientData(type: string, challenge: string, origin: string) {
    return new Uint8Array(encoder.encode(JSON.stringify({ type, challenge, origin, crossOrigin: false })));
  }

  /** The answer to registration options, as @simplewebauthn/browser's startRegistration returns it. */
  async register(
    options: { challenge: string; user: { id: string } },
    { origin = ORIGIN, rpId = RP_ID, attestation = 'none' }: Options & { attestation?: Attestation } = {},
  ) {
    this.userHandle = options.user.id;
    const jwk = (await crypto.subtle.exportKey('jwk', this.keys.publicKey)) as JsonWebKey;
    const cose = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, isoBase64URL.toBuffer(jwk.x!)],
        [-3, isoBase64URL.toBuffer(jwk.y!)],
      ]),
    );
    const authData = concat(
      await sha256(encoder.encode(rpId)),
      new Uint8Array([0x45]), // user present, user verified, attested credential data
      uint32(this.counter),
      new Uint8Array(16), // AAGUID: none
      new Uint8Array([0, this.credentialId.length]),
      this.credentialId,
      cose,
    );
    const clientDataJSON = this.clientData('webauthn.create', options.challenge, origin);
    let statement = attestation === 'none' ? { fmt: 'none', attStmt: new Map<string, unknown>() } : attestation;
    if (statement === 'packed-self') {
      const raw = new Uint8Array(
        await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, this.keys.privateKey, concat(authData, await sha256(clientDataJSON))),
      );
      statement = { fmt: 'packed', attStmt: new Map<string, unknown>([['alg', -7], ['sig', derSignature(raw)]]) };
    }
    const attestationObject = isoCBOR.encode(
      new Map<string, unknown>([['fmt', statement.fmt], ['attStmt', statement.attStmt], ['authData', authData]]) as never,
    );
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      response: {
        clientDataJSON: isoBase64URL.fromBuffer(clientDataJSON),
        attestationObject: isoBase64URL.fromBuffer(attestationObject),
        transports: ['internal' as const],
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform' as const,
    };
  }

  /** The answer to authentication options; each assertion moves the counter forward unless told which to use. */
  async assert(options: { challenge: string }, { origin = ORIGIN, rpId = RP_ID, counter }: Options & { counter?: number } = {}) {
    this.counter = counter ?? this.counter + 1;
    const authData = concat(await sha256(encoder.encode(rpId)), new Uint8Array([0x05]), uint32(this.counter));
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, origin);
    const signed = concat(authData, await sha256(clientDataJSON));
    const raw = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, this.keys.privateKey, signed));
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      response: {
        clientDataJSON: isoBase64URL.fromBuffer(clientDataJSON),
        authenticatorData: isoBase64URL.fromBuffer(authData),
        signature: isoBase64URL.fromBuffer(derSignature(raw)),
        ...(this.userHandle ? { userHandle: this.userHandle } : {}),
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform' as const,
    };
  }
}
