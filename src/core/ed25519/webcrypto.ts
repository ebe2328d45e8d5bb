/**
 * Ed25519 through WebCrypto (`globalThis.crypto.subtle`): Chromium/Electron (BoringSSL) and
 * Node (OpenSSL). Core sees no DOM types, so the few members used are declared here.
 */
import type { Ed25519Backend } from './backend.js';

type Ed25519Algorithm = { readonly name: 'Ed25519' };

interface SubtleCryptoLike {
  importKey(
    format: 'raw',
    keyData: Uint8Array,
    algorithm: Ed25519Algorithm,
    extractable: boolean,
    keyUsages: readonly string[],
  ): Promise<unknown>;
  verify(algorithm: Ed25519Algorithm, key: unknown, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
}

const ED25519: Ed25519Algorithm = Object.freeze({ name: 'Ed25519' });

/** Keys imported so far; bounded so a stream of distinct keys cannot grow memory without limit. */
const KEY_CACHE_LIMIT = 256;
const keyCache = new Map<string, Promise<unknown>>();

function subtle(): SubtleCryptoLike | undefined {
  const c = (globalThis as { crypto?: { subtle?: Partial<SubtleCryptoLike> } }).crypto;
  const s = c?.subtle;
  if (s === undefined || typeof s.importKey !== 'function' || typeof s.verify !== 'function') return undefined;
  return s as SubtleCryptoLike;
}

function cacheKey(publicKey: Uint8Array): string {
  let out = '';
  for (const b of publicKey) out += b.toString(16).padStart(2, '0');
  return out;
}

/** The imported key, or null when the platform refuses the bytes (a refusal is a `false` verdict). */
function importPublicKey(api: SubtleCryptoLike, publicKey: Uint8Array): Promise<unknown> {
  const id = cacheKey(publicKey);
  const hit = keyCache.get(id);
  if (hit !== undefined) {
    keyCache.delete(id); // re-insert: Map order then evicts the least recently used first
    keyCache.set(id, hit);
    return hit;
  }
  const imported = api.importKey('raw', publicKey.slice(), ED25519, false, ['verify']).catch(() => null);
  keyCache.set(id, imported);
  if (keyCache.size > KEY_CACHE_LIMIT) {
    const oldest = keyCache.keys().next().value;
    if (oldest !== undefined) keyCache.delete(oldest);
  }
  return imported;
}

async function webCryptoVerify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  try {
    const api = subtle();
    if (api === undefined || publicKey.length !== 32 || signature.length !== 64) return false;
    const key = await importPublicKey(api, publicKey);
    if (key === null) return false;
    return (await api.verify(ED25519, key, signature, message)) === true;
  } catch {
    return false;
  }
}

export const webCryptoEd25519Backend: Ed25519Backend = Object.freeze({
  name: 'webcrypto',
  verify: webCryptoVerify,
});

/** How many imported keys the cache holds now (for tests of its bound). */
export function webCryptoKeyCacheSize(): number {
  return keyCache.size;
}

// RFC 8032 section 7.1 TEST 1: empty message. Used to probe for a working Ed25519.
const PROBE_KEY = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const PROBE_SIG =
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b';

function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

let support: Promise<boolean> | undefined;

/**
 * Whether WebCrypto verifies Ed25519 here: it must accept RFC 8032 TEST 1 and reject the
 * same signature with one bit flipped (so a stub that always says yes is not trusted).
 */
export function webCryptoSupportsEd25519(): Promise<boolean> {
  support ??= (async () => {
    const key = fromHex(PROBE_KEY);
    const good = fromHex(PROBE_SIG);
    const bad = good.slice();
    bad[0] = (bad[0] ?? 0) ^ 1;
    const message = new Uint8Array(0);
    return (await webCryptoVerify(key, message, good)) && !(await webCryptoVerify(key, message, bad));
  })();
  return support;
}
