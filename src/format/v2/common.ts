/**
 * Building blocks of the v2 line schemas. The caps and the shared blocks (digest, timestamp,
 * identifier, ...) are the verifier's own (src/format/limits.ts, src/format/schema-blocks.ts), so
 * v1 and v2 bound what they read alike; what is v2's alone is here: the line signature.
 */
import { z } from 'zod';

export {
  MAX_ACTIONS,
  MAX_CST_LENGTH,
  MAX_DETECTORS,
  MAX_FINDINGS,
  MAX_ID_LENGTH,
  MAX_INPUT_SKIPPED_ITEMS,
  MAX_NOTIFICATIONS,
  MAX_REDACT_FIELDS,
  MAX_TAGS,
  MAX_TEXT_LENGTH,
} from '../limits.js';
export { count, digest, identifier, jsonObject, text, ticketId, timestamp } from '../schema-blocks.js';

export const positive = z.int().min(1);

/** Keys a role may list in the header: a signature names its key by a one-byte index. */
export const MAX_KEYS_PER_ROLE = 256;

/**
 * A signed line's `sig`: standard padded base64 of 65 bytes, the signer's index in the header's
 * key list for the line's role, then the 64-byte Ed25519 signature over DSSE PAE(payload type,
 * canonical payload bytes). 88 characters, as a bare 64-byte signature would be: the index is free.
 */
export const lineSignature = z.string().regex(/^[A-Za-z0-9+/]{86}[AEIMQUYcgkosw048]=$/, 'must be standard base64 of 65 bytes (key index, then a 64-byte signature)');
