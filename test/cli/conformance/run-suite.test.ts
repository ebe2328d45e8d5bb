import { describe, expect, it } from 'vitest';
import { loadSuite } from '../../../src/cli/conformance/load-suite.js';
import { inProcessVerifier, runSuite, type CaseResult, type CaseVerifier } from '../../../src/cli/conformance/run-suite.js';
import { ROOT } from '../../verify/support.js';
import { join } from 'node:path';

const suite = await loadSuite(join(ROOT, 'fixtures', 'conformance', 'manifest.json'));
const pick = (...ids: string[]) => suite.cases.filter((c) => ids.includes(c.spec.id));

describe('runSuite', () => {
  it('judges this verifier, in process, to pass the cases it was made from, in manifest order', async () => {
    const seen: string[] = [];
    const cases = pick('valid/tiny-example', 'tampered/receipt-edited', 'hostile/bom', 'trust/without-proxy');
    const results = await runSuite(cases, inProcessVerifier('noble'), { strict: true, onResult: (r) => seen.push(r.id) });
    expect(results.map((r) => [r.id, r.pass])).toEqual(cases.map((c) => [c.spec.id, true]));
    expect(seen).toEqual(cases.map((c) => c.spec.id));
  });

  it('fails a case whose verifier throws or gives no usable report, and goes on with the next', async () => {
    const flaky: CaseVerifier = async (c) => {
      if (c.spec.id === 'hostile/empty') throw new Error('out of memory');
      if (c.spec.id === 'hostile/bom') return { ok: false, problem: 'no report' };
      return { ok: true, outcome: c.spec.expected };
    };
    const results: CaseResult[] = await runSuite(pick('hostile/empty', 'hostile/bom', 'hostile/nan'), flaky, { strict: false });
    expect(results).toEqual([
      { id: 'hostile/empty', pass: false, problem: 'the verifier failed: out of memory' },
      { id: 'hostile/bom', pass: false, problem: 'no report' },
      expect.objectContaining({ id: 'hostile/nan', pass: true }),
    ]);
  });
});
