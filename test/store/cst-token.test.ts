import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../src/core/bytes.js';
import { parseCompactJws } from '../../src/core/jws.js';
import { cstTokenOf } from '../../src/store/cst-token.js';
import { makeBundle } from './support.js';
import { realRun } from '../format/v2/support.js';

describe('cstTokenOf', () => {
  it("reads the jti and job id from the bundle's CST claims", async () => {
    const bytes = await makeBundle(3);
    const { claims } = parseCompactJws((JSON.parse(new TextDecoder().decode(bytes)) as { cst: string }).cst);
    expect(cstTokenOf(bytes)).toEqual({ jti: claims['jti'], jobId: claims['job_id'] });
  });

  it('reads them from the cst line (line 3) of a v2 file, as from the v1 document of the same run', async () => {
    const { bundle, encoded } = await realRun();
    const { claims } = parseCompactJws(bundle.cst);
    expect(cstTokenOf(encoded.bytes)).toEqual({ jti: claims['jti'], jobId: claims['job_id'] });
    // Lines 1-3 of another shape: no token.
    const lines = new TextDecoder().decode(encoded.bytes).split('\n');
    expect(cstTokenOf(utf8Encode([lines[0], lines[1], lines[1], ...lines.slice(3)].join('\n')))).toBeNull();
  });

  it('gives null for anything without a readable token', () => {
    for (const text of ['not json', '[]', '{"cst": 5}', '{"cst": "a.b.c"}', '{}']) {
      expect(cstTokenOf(utf8Encode(text))).toBeNull();
    }
    expect(cstTokenOf(new Uint8Array([0xff, 0xfe]))).toBeNull();
  });
});
