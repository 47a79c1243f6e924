/**
 * Stands in for @peculiar/utils's index in the Worker bundle (wrangler.toml `[alias]`). Its one importer left is
 * @peculiar/asn1-schema, which parses a passkey's ECDSA signature (asn1-ecc.ts) and asks it only for `isBufferSource`
 * and `toArrayBuffer`. The index also registers its text, PEM and hex converters when loaded, so all of them were
 * bundled; these two come from the package's own `@peculiar/utils/bytes` entry, unchanged.
 */
export { isBufferSource, toArrayBuffer } from '@peculiar/utils/bytes';
