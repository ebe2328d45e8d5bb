/**
 * The v2 forger recomputes every binding as the encoder does: the untouched file re-sealed by any
 * one key is the same file byte for byte, and verifies valid. So what the suite's mutants fail
 * for is their mutation, never a re-seal the forger got wrong.
 */
import { describe, expect, it } from 'vitest';
import { joinLines } from '../../../../src/format/v2/encode.js';
import type { ForgingRole } from '../../key-separation/forge.js';
import type { JobName } from '../../key-separation/jobs.js';
import { decodeV2, forgeV2, mutationsOfV2, resealV2 } from './forge.js';
import { jobLinesV2 } from './jobs.js';
import { verifyForgedV2 } from './run.js';
import { isRecordKind } from '../../../../src/format/v2/record-line.js';
import { lineObject } from '../../../format/v2/support.js';

const JOBS: readonly JobName[] = ['queue', 'degrade'];
const ROLES: readonly ForgingRole[] = ['harness', 'proxy', 'approver'];

describe('the v2 forger', () => {
  for (const job of JOBS) {
    for (const role of ROLES) {
      it(`re-sealing the untouched "${job}" file with the ${role} key alone gives the same bytes, which verify valid`, async () => {
        const lines = await jobLinesV2(job);
        const resealed = resealV2(decodeV2(lines), role);
        expect(joinLines(resealed)).toEqual(joinLines(lines));
        expect((await verifyForgedV2(resealed)).verdict).toBe('valid');
      }, 120_000);
    }
  }

  it('a record removed by the harness renumbers the records, re-points decisions at their proposals and re-counts the header', async () => {
    const d = decodeV2(await jobLinesV2('queue'));
    const intake = d.objects.findIndex((o) => o['t'] === 'intake');
    const m = mutationsOfV2(d, 'harness').find((x) => x.site.line === intake && x.site.path.length === 0 && x.op === 'remove')!;
    const forged = forgeV2(d, m).map(lineObject);
    const records = forged.filter((o) => typeof o['seq'] === 'number' && o['t'] !== 'receipt');
    expect(records.map((o) => o['seq'])).toEqual(records.map((_, i) => i));
    const header = forged[0]!;
    expect((header['counts'] as Record<string, number>)['records']).toBe(records.length);
    for (const decision of forged.filter((o) => o['t'] === 'decision' && o['proposal_seq'] !== null)) {
      const named = records[decision['proposal_seq'] as number]!;
      expect([named['t'], named['ticket_id']]).toEqual(['proposal', decision['ticket_id']]);
    }
  });

  it("a record's time changed by the harness changes that record's only: the next record states the time it had", async () => {
    const d = decodeV2(await jobLinesV2('queue'));
    const written = d.lines.map(lineObject);
    const records = d.objects.map((o, i) => i).filter((i) => isRecordKind(d.objects[i]!['t']));
    // A record whose next record omits its time (the same one).
    const k = records.findIndex((i, n) => n + 1 < records.length && 'at' in written[i]! && !('at' in written[records[n + 1]!]!));
    const [line, next] = [records[k]!, records[k + 1]!];
    const m = mutationsOfV2(d, 'harness').find((x) => x.site.line === line && x.site.path.join('/') === 'at' && x.op === 'change')!;
    const forged = decodeV2(forgeV2(d, m));
    expect(forged.objects[line]!['at']).not.toBe(d.objects[line]!['at']);
    expect(lineObject(forgeV2(d, m)[next]!)['at']).toBe(d.objects[next]!['at']);
    expect(forged.objects[next]!['at']).toBe(d.objects[next]!['at']);
  });
});
