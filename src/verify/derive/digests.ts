/**
 * digest(x) of the unsigned entries' values (a model view's request, a model response), computed
 * once per value: the model_views check compares them with the receipts, and the re-derivations
 * (derive/calls.ts) need them again to keep only the receipted ones. Keyed by the parsed object,
 * which the context never changes.
 */
import { digestOfJson, type Digest } from '../../core/hash.js';

const digests = new WeakMap<object, Digest | null>();

/** digestOfJson(value), or null when the value cannot be canonicalised. */
export function entryDigest(value: object): Digest | null {
  let d = digests.get(value);
  if (d === undefined) {
    try {
      d = digestOfJson(value);
    } catch {
      d = null;
    }
    digests.set(value, d);
  }
  return d;
}
