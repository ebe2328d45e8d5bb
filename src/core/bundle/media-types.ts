/**
 * Media types and DSSE payloadTypes of the Clawproof formats (docs/FORMATS.md, "Proof bundle").
 * A verifier compares these exactly: a payload signed for one purpose must never be accepted as
 * another (DSSE binds the payloadType into the signed PAE bytes for that reason).
 */
export const BUNDLE_MEDIA_TYPE = 'application/vnd.clawproof.bundle+json';
export const BUNDLE_VERSION = 1;

export const PAYLOAD_TYPES = {
  wpc: 'application/vnd.clawproof.wpc+json',
  receipt: 'application/vnd.clawproof.receipt+json',
  record: 'application/vnd.clawproof.record+json',
  approval: 'application/vnd.clawproof.approval+json',
  manifest: 'application/vnd.clawproof.manifest+json',
} as const;

export type PayloadKind = keyof typeof PAYLOAD_TYPES;

/** JWS `typ` of a capability-scoped token (RFC 8725 sec 3.11: explicit typing stops token confusion). */
export const CST_TYP = 'cst+jwt';

/** The file extension bundles are saved with (the desktop app registers it). */
export const BUNDLE_FILE_EXTENSION = '.clawproof';
