/**
 * Stands in for SimpleWebAuthn's X.509 helpers in the Worker bundle (wrangler.toml `[alias]`). They read attestation
 * certificates (x5c), which a browser sends only when the relying party asks for attestation; Volley asks for "none"
 * (webauthn-attestation-formats.ts says what a browser sends then). Of the verifiers that stay, only "packed" with an
 * x5c reaches them, and getCertificateInfo is its first step, so such a statement is refused (400 passkey_rejected).
 * A passkey's own signature is checked from its COSE key (verifySignature without x509Certificate), which needs none
 * of this. Together with the verifiers and metadata they were @peculiar/x509, tsyringe, reflect-metadata and
 * @peculiar/asn1-x509 and its relatives.
 */
const refuse = (): never => {
  throw new Error('attestation certificates are not accepted: Volley asks for attestation "none".');
};

export const getCertificateInfo = refuse;
export const validateCertificatePath = async (): Promise<never> => refuse();
export const isCertRevoked = async (): Promise<never> => refuse();
export const validateExtFIDOGenCEAAGUID = refuse;
export const convertX509PublicKeyToCOSE = refuse;
