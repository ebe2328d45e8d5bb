/**
 * The published entry works for a real consumer: a project outside this repository that depends
 * on "clawproof": "file:<repo>", installed by npm (offline: a symlink), importing by package name.
 */
import { execFile } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

// Runs in the consumer folder; prints what the library computed, as JSON.
const CONSUMER_SCRIPT = `
import { canonicalJson, sha256, verifySignature } from 'clawproof';

const hex = (text) => Uint8Array.from(Buffer.from(text, 'hex'));
const [publicKey, message, signature] = process.argv.slice(2).map(hex);
const tamperedMessage = message.slice();
tamperedMessage[0] ^= 1;
const tamperedSignature = signature.slice();
tamperedSignature[10] ^= 0x80;

console.log(JSON.stringify({
  canonical: canonicalJson({ z: 1, a: [true, null, 'x'], m: { y: 0.5, b: 1e21 }, '\\u00e9': 'e', A: -0 }),
  digestOfText: sha256('abc'),
  digestOfBytes: sha256(new TextEncoder().encode('abc')),
  valid: await verifySignature(publicKey, message, signature),
  tamperedMessage: await verifySignature(publicKey, tamperedMessage, signature),
  tamperedSignature: await verifySignature(publicKey, message, tamperedSignature),
}));
`;

interface ConsumerOutput {
  canonical: string;
  digestOfText: string;
  digestOfBytes: string;
  valid: boolean;
  tamperedMessage: boolean;
  tamperedSignature: boolean;
}

describe('the clawproof package, installed into another project', () => {
  let consumer: string;

  beforeAll(async () => {
    if (!existsSync(join(REPO_ROOT, 'dist/lib/index.js'))) {
      throw new Error('dist/lib/index.js is missing: the package entry is built by `npm run build`. Run it first.');
    }
    consumer = mkdtempSync(join(tmpdir(), 'clawproof-consumer-'));
    writeFileSync(
      join(consumer, 'package.json'),
      JSON.stringify({ name: 'clawproof-consumer', private: true, type: 'module', dependencies: { clawproof: `file:${REPO_ROOT}` } }),
    );
    writeFileSync(join(consumer, 'check.mjs'), CONSUMER_SCRIPT);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    await run(npm, ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: consumer,
      timeout: 120_000,
      shell: process.platform === 'win32',
    });
  }, 150_000);

  afterAll(() => {
    if (consumer !== undefined) rmSync(consumer, { recursive: true, force: true });
  });

  it('is installed as a link to this repository, not a copy', () => {
    const installed = join(consumer, 'node_modules', 'clawproof');
    expect(lstatSync(installed).isSymbolicLink()).toBe(true);
    expect(realpathSync(installed)).toBe(realpathSync(REPO_ROOT));
  });

  it('exports canonicalJson, sha256 and verifySignature that give the right answers', async () => {
    const secretKey = ed25519.utils.randomSecretKey();
    const publicKey = ed25519.getPublicKey(secretKey);
    const message = new TextEncoder().encode('{"job":"demo","step":1}');
    const signature = ed25519.sign(message, secretKey);

    const { stdout } = await run(
      process.execPath,
      ['check.mjs', bytesToHex(publicKey), bytesToHex(message), bytesToHex(signature)],
      { cwd: consumer, timeout: 60_000 },
    );
    const output = JSON.parse(stdout) as ConsumerOutput;

    // RFC 8785: keys sorted by UTF-16 code units, ECMAScript number forms, -0 written as 0.
    expect(output.canonical).toBe('{"A":0,"a":[true,null,"x"],"m":{"b":1e+21,"y":0.5},"z":1,"é":"e"}');
    // FIPS 180-2, appendix B.1: SHA-256("abc").
    const abc = 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(output.digestOfText).toBe(abc);
    expect(output.digestOfBytes).toBe(abc);
    expect(output.valid).toBe(true);
    expect(output.tamperedMessage).toBe(false);
    expect(output.tamperedSignature).toBe(false);
  });
});
