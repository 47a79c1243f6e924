/**
 * Stands in for @peculiar/asn1-ecc's index in the Worker bundle (wrangler.toml `[alias]`). SimpleWebAuthn needs one
 * class from it: ECDSASigValue, the ASN.1 shape it reads a passkey's DER-encoded ECDSA signature with
 * (helpers/iso/isoCrypto/unwrapEC2Signature.js), so the signature check stays the library's own. The index also loads
 * the package's algorithm identifiers, which import all of @peculiar/asn1-x509; only the X.509 helpers used those
 * (webauthn-certificates.ts). This re-exports the very class, from the package's own module.
 */
// @ts-expect-error -- the package declares its types in build/types, not beside this module; this is the class its index exports.
export { ECDSASigValue } from '@peculiar/asn1-ecc/build/es2015/ec_signature_value.js';
