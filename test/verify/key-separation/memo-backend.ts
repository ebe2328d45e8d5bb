/**
 * node:crypto behind the strict pre-checks, with verdicts memoised by (key, signature, message
 * digest): most signatures of a mutant are the original ones, and each verdict is still the real
 * backend's.
 */
import { createHash } from 'node:crypto';
import type { Ed25519Backend } from '../../../src/core/ed25519/index.js';
import { nodeEd25519Backend } from '../../../src/node/ed25519-node.js';

const verdicts = new Map<string, boolean>();

export const memoBackend: Ed25519Backend = {
  name: 'memo-node',
  verify(publicKey, message, signature) {
    const key = createHash('sha256').update(publicKey).update(signature).update(message).digest('base64');
    let v = verdicts.get(key);
    if (v === undefined) {
      v = nodeEd25519Backend.verify(publicKey, message, signature) as boolean;
      if (verdicts.size > 500_000) verdicts.clear();
      verdicts.set(key, v);
    }
    return v;
  },
};
