/**
 * FAKE credentials in the exact formats of real ones, for the sample tickets. Each is random
 * (from the seeded PRNG) and was never issued by any provider, but it has everything a scanner
 * keys on: the vendor prefix, the length and alphabet, and the checksum where the format has one
 * (GitHub's CRC32 suffix, a real P-256/Ed25519 key inside a PEM, a JWT whose HMAC verifies).
 * A DLP layer that finds these finds the real ones.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { base64Encode, base64urlEncode, concatBytes, utf8Encode } from '../../../core/bytes.js';
import type { Prng } from './prng.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ALNUM = BASE62;
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const AWS_SECRET_ALPHABET = BASE62 + '/+';

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320). */
export function crc32(bytes: Uint8Array): number {
  if (crcTable === undefined) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = (crcTable[(crc ^ b) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function base62Fixed(value: number, width: number): string {
  let s = '';
  let v = value;
  while (v > 0) {
    s = BASE62[v % 62] + s;
    v = Math.floor(v / 62);
  }
  return s.padStart(width, '0');
}

/** AWS access key id (AKIA + 16 base32 characters) and its 40-character secret. */
export function fakeAwsKeyPair(prng: Prng): { accessKeyId: string; secretAccessKey: string } {
  return {
    accessKeyId: 'AKIA' + prng.chars(UPPER_DIGITS, 16),
    secretAccessKey: prng.chars(AWS_SECRET_ALPHABET, 40),
  };
}

/**
 * GitHub classic token: `ghp_` + 30 base62 characters + 6-character base62 CRC32 of those 30
 * (GitHub's 2021 token format), so checksum-validating scanners accept it.
 */
export function fakeGithubToken(prng: Prng, prefix: 'ghp' | 'gho' | 'ghs' = 'ghp'): string {
  const entropy = prng.chars(BASE62, 30);
  return `${prefix}_${entropy}${base62Fixed(crc32(utf8Encode(entropy)), 6)}`;
}

export function fakeSlackBotToken(prng: Prng): string {
  return `xoxb-${prng.chars('0123456789', 12)}-${prng.chars('0123456789', 13)}-${prng.chars(ALNUM, 24)}`;
}

export function fakeSlackWebhook(prng: Prng): string {
  const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return `https://hooks.slack.com/services/T${prng.chars(upper, 8)}/B${prng.chars(upper, 10)}/${prng.chars(ALNUM, 24)}`;
}

export function fakeStripeKey(prng: Prng): string {
  const kind = prng.pick(['sk_live_', 'rk_live_', 'sk_test_']);
  return kind + '51' + prng.chars(ALNUM, prng.pick([24, 97]));
}

function pem(label: string, der: Uint8Array): string {
  const body = base64Encode(der).match(/.{1,64}/g)?.join('\n') ?? '';
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`;
}

function validP256Scalar(prng: Prng): Uint8Array {
  for (;;) {
    const candidate = prng.bytes(32);
    if (p256.utils.isValidSecretKey(candidate)) return candidate;
  }
}

/** A PKCS #8 (RFC 5208) P-256 private key with its public key, as `BEGIN PRIVATE KEY` PEM. */
export function fakeP256PrivateKeyPem(prng: Prng): string {
  const d = validP256Scalar(prng);
  const publicKey = p256.getPublicKey(d, false); // 65 bytes, 04 || X || Y
  const der = concatBytes(
    Uint8Array.of(0x30, 0x81, 0x87, 0x02, 0x01, 0x00),
    // AlgorithmIdentifier: id-ecPublicKey, prime256v1
    Uint8Array.of(0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01),
    Uint8Array.of(0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07),
    // OCTET STRING wrapping the SEC 1 ECPrivateKey (RFC 5915)
    Uint8Array.of(0x04, 0x6d, 0x30, 0x6b, 0x02, 0x01, 0x01, 0x04, 0x20),
    d,
    Uint8Array.of(0xa1, 0x44, 0x03, 0x42, 0x00),
    publicKey,
  );
  return pem('PRIVATE KEY', der);
}

function sshString(bytes: Uint8Array): Uint8Array {
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, bytes.length);
  return concatBytes(len, bytes);
}

function sshUint32(n: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n >>> 0);
  return out;
}

/** An unencrypted OpenSSH Ed25519 private key (openssh-key-v1, PROTOCOL.key). */
export function fakeOpenSshPrivateKeyPem(prng: Prng, comment: string): string {
  const seed = prng.bytes(32);
  const publicKey = ed25519.getPublicKey(seed);
  const keyType = utf8Encode('ssh-ed25519');
  const publicBlob = concatBytes(sshString(keyType), sshString(publicKey));
  const check = prng.u32();
  let privateSection = concatBytes(
    sshUint32(check),
    sshUint32(check),
    sshString(keyType),
    sshString(publicKey),
    sshString(concatBytes(seed, publicKey)),
    sshString(utf8Encode(comment)),
  );
  const padding: number[] = [];
  for (let i = 1; (privateSection.length + padding.length) % 8 !== 0; i++) padding.push(i);
  privateSection = concatBytes(privateSection, Uint8Array.from(padding));
  const blob = concatBytes(
    utf8Encode('openssh-key-v1\0'),
    sshString(utf8Encode('none')),
    sshString(utf8Encode('none')),
    sshString(new Uint8Array(0)),
    sshUint32(1),
    sshString(publicBlob),
    sshString(privateSection),
  );
  return pem('OPENSSH PRIVATE KEY', blob);
}

/** An HS256 JWT (RFC 7519) signed with a random key nobody keeps: valid shape, valid MAC. */
export function fakeJwt(prng: Prng, subject: string, issuedAt: number): string {
  const header = base64urlEncode(utf8Encode(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));
  const payload = base64urlEncode(
    utf8Encode(
      JSON.stringify({ sub: subject, iat: issuedAt, exp: issuedAt + 3600, scope: prng.pick(['read:orders', 'admin', 'api:full']) }),
    ),
  );
  const signingInput = `${header}.${payload}`;
  const mac = hmac(sha256, prng.bytes(32), utf8Encode(signingInput));
  return `${signingInput}.${base64urlEncode(mac)}`;
}

const PASSWORD_WORDS = ['Sunflower', 'Tr0mbone', 'Kestrel', 'Blueberry', 'Marathon', 'Velvet', 'Quartz', 'Lighthouse', 'Pumpkin', 'Nebula'];

/** A password as people choose them: word, digits, a symbol; sometimes fully random. */
export function fakePassword(prng: Prng): string {
  if (prng.chance(30)) return prng.chars(ALNUM + '!#%&*', 14);
  return `${prng.pick(PASSWORD_WORDS)}${prng.pick(['-', '_', '', '.'])}${prng.int(10, 2099)}${prng.pick(['!', '#', '?', '$', '*'])}`;
}

/** A generic vendor API key (hex or base62), shown after a `key`/`token` label. */
export function fakeApiKey(prng: Prng): string {
  return prng.chance(50) ? prng.chars('0123456789abcdef', 32) : prng.chars(ALNUM, 40);
}
