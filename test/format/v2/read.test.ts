import { describe, expect, it } from 'vitest';
import { canonicalBytes } from '../../../src/core/canonical.js';
import { serializeBundle } from '../../../src/runtime/bundle/serialize.js';
import { editLine, expectRefusal, file, indexWhere, isRecordObject, lineObject, read, realRun, text } from './support.js';

/** Lines of the real run's file, with the header's counts and max_line_bytes left as they are. */
async function lines(): Promise<Uint8Array[]> {
  return [...(await realRun()).encoded.lines];
}

describe('readBundleV2 refuses', () => {
  it('a v1 bundle, pretty or canonical, from its first bytes (VERSION_UNSUPPORTED)', async () => {
    const { bundle } = await realRun();
    await expectRefusal(read(text(serializeBundle(bundle)), 1), 'VERSION_UNSUPPORTED', 1);
    await expectRefusal(read(canonicalBytes(bundle), 7, { maxLineBytes: 1024 }), 'VERSION_UNSUPPORTED', 1);
    await expectRefusal(read(text(JSON.stringify(bundle))), 'VERSION_UNSUPPORTED', 1);
  });

  it('a header of another version or media type', async () => {
    const all = await lines();
    await expectRefusal(read(file(editLine(all, 0, (h) => ({ ...h, version: 3 })))), 'VERSION_UNSUPPORTED', 1, '/version');
    await expectRefusal(read(file(editLine(all, 0, (h) => ({ ...h, mediaType: 'application/json' })))), 'MEDIA_TYPE_UNKNOWN', 1, '/mediaType');
  });

  it('a file that does not open with its header, and an empty one (HEADER_MISSING)', async () => {
    const all = await lines();
    await expectRefusal(read(file(all.slice(1))), 'HEADER_MISSING', 1, '/t');
    await expectRefusal(read(new Uint8Array(0)), 'HEADER_MISSING', 1);
  });

  it("a line longer than the header's max_line_bytes, before its end arrives (LINE_TOO_LONG)", async () => {
    const all = await lines();
    const longest = Math.max(...all.map((l) => l.length));
    const at = all.findIndex((l) => l.length === longest);
    const tight = editLine(all, 0, (h) => ({ ...h, max_line_bytes: longest - 1 }));
    // The file is cut inside the long line: the reader refuses without waiting for its LF.
    const bytes = file(tight);
    const cut = bytes.slice(0, file(tight.slice(0, at)).length + longest);
    await expectRefusal(read(cut, 1), 'LINE_TOO_LONG', at + 1);
  });

  it('a header longer than its own max_line_bytes (LINE_TOO_LONG)', async () => {
    const all = await lines();
    await expectRefusal(read(file(editLine(all, 0, (h) => ({ ...h, max_line_bytes: 100 })))), 'LINE_TOO_LONG', 1, '/max_line_bytes');
  });

  it("a line longer than the reader's own limit, whatever the header says (LINE_TOO_LONG)", async () => {
    const all = await lines();
    await expectRefusal(read(file(all), 64 * 1024, { maxLineBytes: 600 }), 'LINE_TOO_LONG');
    // Without any LF at all, the first line is refused at the limit, not at the end of the input.
    await expectRefusal(read(text(`{"t":"header",${'"x":1,'.repeat(10_000)}}`), 3, { maxLineBytes: 1000 }), 'LINE_TOO_LONG', 1);
  });

  it('a line that is not canonical: spaces, key order, number spelling, CRLF (LINE_NOT_CANONICAL)', async () => {
    const all = await lines();
    const at = indexWhere(all, isRecordObject);
    const original = new TextDecoder().decode(all[at]!);
    const t = JSON.stringify(lineObject(all[at]!)['t']);
    const variants = [
      original.replace('{"', '{ "'),
      `{"t":${t},${original.slice(1).replace(`,"t":${t}`, '')}`,
      original.replace(/"seq":(\d+)/, '"seq":$1.0'),
      `${original}\r`,
    ];
    for (const v of variants) {
      const edited = [...all];
      edited[at] = text(v);
      await expectRefusal(read(file(edited)), 'LINE_NOT_CANONICAL', at + 1);
    }
  });

  it('a blank line, a line of bad JSON or bad UTF-8, an array line, an unknown t', async () => {
    const all = await lines();
    const put = (bytes: Uint8Array) => file([...all.slice(0, 3), bytes, ...all.slice(3)]);
    await expectRefusal(read(put(new Uint8Array(0))), 'LINE_NOT_JSON', 4);
    await expectRefusal(read(put(text('{"t":"intake","t":"intake"}'))), 'LINE_NOT_JSON', 4);
    await expectRefusal(read(put(Uint8Array.of(0x22, 0xff, 0x22))), 'LINE_NOT_UTF8', 4);
    await expectRefusal(read(put(text('[1]'))), 'LINE_NOT_OBJECT', 4);
    await expectRefusal(read(put(text('{"t":"manifest"}'))), 'LINE_TYPE_UNKNOWN', 4, '/t');
  });

  it('a line outside its schema, with a pointer to where (LINE_SCHEMA_INVALID)', async () => {
    const all = await lines();
    const record = indexWhere(all, (o) => o['t'] === 'decision');
    await expectRefusal(read(file(editLine(all, record, (o) => ({ ...o, reason: 'back again' })))), 'LINE_SCHEMA_INVALID', record + 1, '/reason');
    await expectRefusal(read(file(editLine(all, record, (o) => ({ ...o, seq: -1 })))), 'LINE_SCHEMA_INVALID', record + 1, '/seq');
    const receipt = indexWhere(all, (o) => o['t'] === 'receipt');
    await expectRefusal(
      read(file(editLine(all, receipt, (o) => ({ ...o, payload: { ...(o['payload'] as object), request_hash: 'sha256:00' } })))),
      'LINE_SCHEMA_INVALID',
      receipt + 1,
      '/payload/request_hash',
    );
  });

  it('a keyid listed twice for a role, or a detector twice in job_start: one spelling (LINE_SCHEMA_INVALID)', async () => {
    const all = await lines();
    await expectRefusal(
      read(file(editLine(all, 0, (o) => ({ ...o, keys: { ...(o['keys'] as Record<string, string[]>), proxy: [...(o['keys'] as Record<string, string[]>)['proxy']!, ...(o['keys'] as Record<string, string[]>)['proxy']!] } })))),
      'LINE_SCHEMA_INVALID',
      1,
      '/keys/proxy',
    );
    const start = indexWhere(all, (o) => o['t'] === 'job_start');
    await expectRefusal(
      read(
        file(
          editLine(all, start, (o) => {
            const redaction = o['redaction'] as { detectors: string[] };
            return { ...o, redaction: { ...redaction, detectors: [...redaction.detectors, redaction.detectors[0]!] } };
          }),
        ),
      ),
      'LINE_SCHEMA_INVALID',
      start + 1,
      '/redaction/detectors',
    );
  });

  it('a job_start without input_skipped: v2 says "nothing skipped" one way, count 0 (LINE_SCHEMA_INVALID)', async () => {
    const all = await lines();
    const start = indexWhere(all, (o) => o['t'] === 'job_start');
    await expectRefusal(
      read(file(editLine(all, start, ({ input_skipped: _gone, ...o }) => o))),
      'LINE_SCHEMA_INVALID',
      start + 1,
      '/input_skipped',
    );
  });

  it("a header counting more lines of a kind than the format's cap, at line 1 (LINE_SCHEMA_INVALID)", async () => {
    const all = await lines();
    await expectRefusal(
      read(file(editLine(all, 0, (o) => ({ ...o, counts: { ...(o['counts'] as object), records: 2_000_001 } })))),
      'LINE_SCHEMA_INVALID',
      1,
      '/counts/records',
    );
  });

  it('more lines of a kind than the header counts, at the line that exceeds it (HEADER_COUNT_EXCEEDED)', async () => {
    const all = await lines();
    const header = lineObject(all[0]!) as { counts: Record<string, number> };
    const fewer = editLine(all, 0, (h) => ({ ...h, counts: { ...header.counts, records: 3 } }));
    let seen = 0;
    let fourthRecord = -1;
    all.forEach((l, i) => {
      if (isRecordObject(lineObject(l)) && ++seen === 4) fourthRecord = i;
    });
    await expectRefusal(read(file(fewer)), 'HEADER_COUNT_EXCEEDED', fourthRecord + 1, '/counts/records');
  });

  it('fewer lines of a kind than the header counts, at the end (HEADER_COUNT_MISMATCH)', async () => {
    const all = await lines();
    const at = indexWhere(all, (o) => o['t'] === 'ticket');
    await expectRefusal(read(file([...all.slice(0, at), ...all.slice(at + 1)])), 'HEADER_COUNT_MISMATCH', undefined, '/counts/tickets');
  });

  it('a line after the tree heads, or a job line between them (LINE_AFTER_TREE_HEADS)', async () => {
    const all = await lines();
    const ticket = all[indexWhere(all, (o) => o['t'] === 'ticket')]!;
    await expectRefusal(read(file([...all, ticket])), 'LINE_AFTER_TREE_HEADS', all.length + 1);
    await expectRefusal(read(file([...all, all.at(-1)!])), 'LINE_AFTER_TREE_HEADS', all.length + 1);
    await expectRefusal(read(file([...all.slice(0, -1), ticket, all.at(-1)!])), 'LINE_AFTER_TREE_HEADS', all.length);
  });

  it('a file without its tree heads, or with them out of order', async () => {
    const all = await lines();
    await expectRefusal(read(file(all.slice(0, -2))), 'TREE_HEADS_MISSING', all.length - 1);
    await expectRefusal(read(file(all.slice(0, -1))), 'TREE_HEADS_MISSING', all.length);
    await expectRefusal(read(file([...all.slice(0, -2), all.at(-1)!, all.at(-2)!])), 'LINE_OUT_OF_ORDER', all.length - 1, '/payload/service');
  });

  it('a wpc or cst line out of its place, and a second header', async () => {
    const all = await lines();
    await expectRefusal(read(file([all[0]!, all[2]!, all[1]!, ...all.slice(3)])), 'LINE_OUT_OF_ORDER', 2, '/t');
    await expectRefusal(read(file([...all.slice(0, 5), all[0]!, ...all.slice(5)])), 'LINE_OUT_OF_ORDER', 6, '/t');
  });

  it('a file whose last line has no LF (LINE_UNTERMINATED)', async () => {
    const { encoded } = await realRun();
    await expectRefusal(read(encoded.bytes.slice(0, -1)), 'LINE_UNTERMINATED', encoded.lines.length);
  });
});
