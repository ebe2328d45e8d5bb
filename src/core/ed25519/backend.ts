/**
 * Ed25519 backends and their registry. A backend only evaluates the cofactorless equation
 * on inputs that have already passed `strictPrecheck`; verify.ts puts the two together.
 */
import { coreError } from '../errors.js';
import { nobleEd25519Backend } from './noble.js';
import { webCryptoEd25519Backend, webCryptoSupportsEd25519 } from './webcrypto.js';

export interface Ed25519Backend {
  readonly name: string;
  /** Raw verify. Never throws: anything the backend cannot handle is `false`. */
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean | Promise<boolean>;
}

const registry = new Map<string, Ed25519Backend>([
  [nobleEd25519Backend.name, nobleEd25519Backend],
  [webCryptoEd25519Backend.name, webCryptoEd25519Backend],
]);

/**
 * Adds `backend` under its name. Registering the same object again is a no-op; another
 * object under a taken name is refused, so a backend cannot be swapped out silently.
 */
export function registerEd25519Backend(backend: Ed25519Backend): void {
  if (
    typeof backend !== 'object' ||
    backend === null ||
    typeof backend.name !== 'string' ||
    backend.name === '' ||
    typeof backend.verify !== 'function'
  ) {
    throw coreError('INPUT_INVALID', 'an Ed25519 backend needs a non-empty string `name` and a `verify` function');
  }
  const existing = registry.get(backend.name);
  if (existing === backend) return;
  if (existing !== undefined) {
    throw coreError('INPUT_INVALID', `an Ed25519 backend named "${backend.name}" is already registered`);
  }
  registry.set(backend.name, backend);
}

export function getEd25519Backend(name: string): Ed25519Backend | undefined {
  return registry.get(name);
}

export function listEd25519Backends(): readonly Ed25519Backend[] {
  return [...registry.values()];
}

let defaultBackend: Promise<Ed25519Backend> | undefined;

/**
 * WebCrypto when `globalThis.crypto.subtle` verifies Ed25519, else noble. Detected once, on
 * first use (a probe imports a key and checks one good and one bad signature).
 */
export function defaultEd25519Backend(): Promise<Ed25519Backend> {
  defaultBackend ??= webCryptoSupportsEd25519().then((ok) => (ok ? webCryptoEd25519Backend : nobleEd25519Backend));
  return defaultBackend;
}
