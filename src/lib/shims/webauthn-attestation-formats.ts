/**
 * Stands in for SimpleWebAuthn's verifiers of the attestation formats that carry a certificate chain (fido-u2f,
 * android-safetynet, android-key, tpm, apple) in the Worker bundle (wrangler.toml `[alias]`). Volley asks for
 * attestation "none" (src/passkeys/registration.ts), and then a browser sends fmt "none", or "packed" when the
 * authenticator attests itself: WebAuthn L3 §5.1.3 has the client replace every other statement with "none". Those
 * two verifiers stay, SimpleWebAuthn's own. With the certificate and metadata code only these reach
 * (webauthn-certificates.ts, webauthn-metadata.ts), they brought @peculiar/x509, tsyringe and most of @peculiar/asn1-*.
 * A client that sends one of these formats anyway is refused (400 passkey_rejected), where it would have been checked.
 */
const refuse = (format: string) => async (): Promise<never> => {
  throw new Error(`attestation format "${format}" is not accepted: Volley asks for attestation "none".`);
};

export const verifyAttestationFIDOU2F = refuse('fido-u2f');
export const verifyAttestationAndroidSafetyNet = refuse('android-safetynet');
export const verifyAttestationAndroidKey = refuse('android-key');
export const verifyAttestationTPM = refuse('tpm');
export const verifyAttestationApple = refuse('apple');
