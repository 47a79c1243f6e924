/**
 * Stands in for SimpleWebAuthn's MetadataService (the FIDO Metadata Service: it downloads and checks a signed list of
 * authenticator models) and SettingsService (root certificates for attestation chains, bundled as PEM) in the Worker
 * bundle (wrangler.toml `[alias]`). Both serve attestation certificate checks, which Volley never makes: it asks for
 * attestation "none" and never initialises the metadata service (webauthn-attestation-formats.ts,
 * webauthn-certificates.ts). verifyRegistrationResponse asks SettingsService for the format's root certificates on
 * every registration and passes them to the format's verifier; for "none" and self-attested "packed" they are unused,
 * so none are listed.
 */
const refuse = (): never => {
  throw new Error('the FIDO metadata service is not bundled: Volley asks for attestation "none".');
};

export const SettingsService = {
  getRootCertificates: (): string[] => [],
  setRootCertificates: refuse,
};

export const MetadataService = {
  initialize: async (): Promise<never> => refuse(),
  getStatement: async (): Promise<never> => refuse(),
};

export const verifyAttestationWithMetadata = async (): Promise<never> => refuse();
export const verifyMDSBlob = async (): Promise<never> => refuse();
