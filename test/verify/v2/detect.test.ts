import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../../src/core/bytes.js';
import { v2BytesOf } from '../../../src/verify/v2/detect.js';
import { realRun } from '../../format/v2/support.js';

const LIMIT = 1 << 30;

describe('v2BytesOf: which reader a bundle goes to', () => {
  it('sends a v2 file, as bytes or as text, to the v2 reader', async () => {
    const { encoded } = await realRun();
    expect(v2BytesOf(encoded.bytes, LIMIT)).toBe(encoded.bytes);
    expect(v2BytesOf(new TextDecoder().decode(encoded.bytes), LIMIT)).toEqual(encoded.bytes);
  });

  it('sends a v2 file without its header to the v2 reader, which names the missing header', async () => {
    const { encoded } = await realRun();
    const rest = encoded.bytes.subarray(encoded.lines[0]!.length + 1);
    expect(v2BytesOf(rest, LIMIT)).toBe(rest);
  });

  it('sends every kind of JSON document to the v1 reader: pretty, compact, canonical, with a trailing LF, and non-objects', () => {
    for (const text of ['{\n  "mediaType": "x"\n}', '{"mediaType":"application/vnd.clawproof.bundle+json"}\n', '{"approvals":[],\n"cst":""}', '[1,\n2]', '{"a":1,\n"b":2}', '\ufeff{"t":"header"}\n{}', '{"x":1}\n{"y":2}', '']) {
      expect(v2BytesOf(utf8Encode(text), LIMIT), JSON.stringify(text)).toBeNull();
      expect(v2BytesOf(text, LIMIT), JSON.stringify(text)).toBeNull();
    }
  });

  it('leaves parsed values and text over the limit to the v1 reader', () => {
    expect(v2BytesOf({ t: 'header' }, LIMIT)).toBeNull();
    expect(v2BytesOf('{"t":"header"}\n{"t":"wpc"}\n', 5)).toBeNull();
  });
});
