/**
 * The policy hash: what a CST pins and a receipt binds to. It is computed over the WPC as
 * written (RFC 8785 canonical JSON of the parsed document), never over the normalised model, so
 * a producer and a verifier with different normalisation code still agree on it.
 */
import { digestOfJson, type Digest } from '../core/hash.js';

/** `sha256:` + hex SHA-256 of the RFC 8785 canonical bytes of `wpc` (the parsed WPC document). */
export function policyHash(wpc: unknown): Digest {
  return digestOfJson(wpc);
}
