/**
 * The reference verdicts: libsodium's crypto_sign_verify_detached (libsodium-wrappers, test
 * dependency). Its wrapper throws on wrong lengths; the C function takes fixed-size buffers,
 * so a wrong length is a rejection.
 */
import sodium from 'libsodium-wrappers';
import { hexDecode } from '../../../src/core/bytes.js';
import type { VerdictCase } from './cases.js';

export async function libsodiumVerdicts(cases: readonly VerdictCase[]): Promise<boolean[]> {
  await sodium.ready;
  return cases.map((c) => {
    try {
      return sodium.crypto_sign_verify_detached(hexDecode(c.signature), hexDecode(c.message), hexDecode(c.publicKey));
    } catch {
      return false;
    }
  });
}

export async function libsodiumVersion(): Promise<string> {
  await sodium.ready;
  return sodium.sodium_version_string();
}
