import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signersOf } from '../../../src/ui/lib/signers.js';
import { ROOT, fixtureReport } from './support.js';

const demoRoot = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'trust', 'demo-trust-root.json'), 'utf8')) as { keys: { role: string; keyid: string }[] };

describe('who signed', () => {
  it('names every role\'s key of a good bundle, in the trust root\'s role order, each a key the root lists for that role', async () => {
    const signers = signersOf(await fixtureReport('tiny-example.clawproof'));
    expect(signers.map((s) => s.role)).toEqual(['controls', 'scope', 'proxy', 'harness', 'approver']);
    for (const signer of signers) {
      expect(signer.trusted).toBe(true);
      expect(demoRoot.keys).toContainEqual(expect.objectContaining({ role: signer.role, keyid: signer.keyid }));
    }
  });

  it('names the key the trust root does not know, with the role it signed for', async () => {
    const signers = signersOf(await fixtureReport('tampered/signed-by-unknown-key.clawproof'));
    const unknown = signers.filter((s) => !s.trusted);
    expect(unknown).toHaveLength(1);
    expect(unknown[0]!.role).toBe('harness');
    expect(demoRoot.keys.map((k) => k.keyid)).not.toContain(unknown[0]!.keyid);
    expect(unknown[0]!.keyid).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('is empty for a file that could not be read (no signer was looked at)', async () => {
    expect(signersOf(await fixtureReport('tampered/truncated.clawproof'))).toEqual([]);
  });
});
