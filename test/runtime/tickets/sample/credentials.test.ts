import { createPrivateKey, createPublicKey } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import {
  crc32,
  fakeAwsKeyPair,
  fakeGithubToken,
  fakeJwt,
  fakeOpenSshPrivateKeyPem,
  fakeP256PrivateKeyPem,
  fakeSlackBotToken,
  fakeSlackWebhook,
  fakeStripeKey,
} from '../../../../src/runtime/tickets/sample/credentials.js';
import { createPrng } from '../../../../src/runtime/tickets/sample/prng.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('fake credentials', () => {
  const prng = createPrng('credentials');

  it('AWS key pairs have the access key id and secret formats', () => {
    const { accessKeyId, secretAccessKey } = fakeAwsKeyPair(prng);
    expect(accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(secretAccessKey).toMatch(/^[A-Za-z0-9/+]{40}$/);
  });

  it('GitHub tokens carry a valid CRC32 checksum in their last six characters', () => {
    for (let i = 0; i < 20; i++) {
      const token = fakeGithubToken(prng);
      expect(token).toMatch(/^ghp_[A-Za-z0-9]{36}$/);
      const entropy = token.slice(4, 34);
      let checksum = 0;
      for (const ch of token.slice(34)) checksum = checksum * 62 + BASE62.indexOf(ch);
      expect(checksum).toBe(crc32(new TextEncoder().encode(entropy)));
    }
  });

  it('Slack and Stripe values have their vendor formats', () => {
    expect(fakeSlackBotToken(prng)).toMatch(/^xoxb-\d{12}-\d{13}-[A-Za-z0-9]{24}$/);
    expect(fakeSlackWebhook(prng)).toMatch(/^https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{8}\/B[A-Z0-9]{10}\/[A-Za-z0-9]{24}$/);
    expect(fakeStripeKey(prng)).toMatch(/^(?:sk|rk)_(?:live|test)_51[A-Za-z0-9]{24,97}$/);
  });

  it('the PKCS #8 PEM is a real P-256 private key whose embedded public key matches', () => {
    const pem = fakeP256PrivateKeyPem(prng);
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg[\s\S]+\n-----END PRIVATE KEY-----$/);
    const key = createPrivateKey(pem);
    expect(key.asymmetricKeyType).toBe('ec');
    expect(key.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    const jwk = createPublicKey(key).export({ format: 'jwk' });
    expect(jwk.crv).toBe('P-256');
  });

  it('the OpenSSH PEM is a well-formed unencrypted openssh-key-v1 Ed25519 key whose public key belongs to its seed', () => {
    const pem = fakeOpenSshPrivateKeyPem(prng, 'gateway-1@lumora');
    expect(pem.startsWith('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE')).toBe(true);
    const blob = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64');
    let at = 0;
    const u32 = (): number => {
      const v = blob.readUInt32BE(at);
      at += 4;
      return v;
    };
    const str = (): Buffer => {
      const n = u32();
      const out = blob.subarray(at, at + n);
      at += n;
      return out;
    };
    expect(blob.subarray(0, 15).toString('latin1')).toBe('openssh-key-v1\0');
    at = 15;
    expect(str().toString()).toBe('none'); // cipher
    expect(str().toString()).toBe('none'); // kdf
    expect(str()).toHaveLength(0); // kdf options
    expect(u32()).toBe(1);
    const publicBlob = str();
    const priv = str();
    expect(at).toBe(blob.length);
    // public blob: string("ssh-ed25519") string(32-byte key)
    expect(publicBlob.subarray(4, 15).toString()).toBe('ssh-ed25519');
    const publicKey = publicBlob.subarray(4 + 11 + 4);
    expect(publicKey).toHaveLength(32);
    const section = priv;
    let p = 0;
    const su32 = (): number => {
      const v = section.readUInt32BE(p);
      p += 4;
      return v;
    };
    const sstr = (): Buffer => {
      const n = su32();
      const out = section.subarray(p, p + n);
      p += n;
      return out;
    };
    expect(su32()).toBe(su32()); // check ints agree
    expect(sstr().toString()).toBe('ssh-ed25519');
    expect(sstr()).toEqual(publicKey);
    const secret = sstr();
    expect(secret).toHaveLength(64);
    expect(Buffer.from(ed25519.getPublicKey(secret.subarray(0, 32)))).toEqual(publicKey);
    expect(secret.subarray(32)).toEqual(publicKey);
    expect(sstr().toString()).toBe('gateway-1@lumora');
    const padding = [...section.subarray(p)];
    expect(padding).toEqual(padding.map((_, i) => i + 1));
    expect(section.length % 8).toBe(0);
  });

  it('the JWT has an HS256 header, a JSON payload and a 32-byte MAC', () => {
    const jwt = fakeJwt(prng, 'svc-1', 1_740_000_000);
    const [header, payload, mac] = jwt.split('.');
    expect(JSON.parse(Buffer.from(header ?? '', 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString())).toMatchObject({ sub: 'svc-1', iat: 1_740_000_000, exp: 1_740_003_600 });
    expect(Buffer.from(mac ?? '', 'base64url')).toHaveLength(32);
    // A MAC under some other key does not match: the signing key is not recoverable from the sample.
    expect(Buffer.from(hmac(sha256, new Uint8Array(32), new TextEncoder().encode(`${header}.${payload}`))).toString('base64url')).not.toBe(mac);
  });
});
