import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTickets } from '../../../src/runtime/node/load-tickets.js';
import { ROOT } from '../support.js';

let dir: string;
let exportText: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clawproof-load-'));
  const sample = JSON.parse(readFileSync(join(ROOT, 'fixtures/tickets/sample-tickets.json'), 'utf8')) as { tickets: Record<string, unknown>[]; users: unknown[] };
  const tickets = structuredClone(sample.tickets.slice(0, 2));
  tickets[0]!['comments'] = [{ id: 1, author_id: 1, public: true, body: 'no date' }];
  exportText = JSON.stringify({ tickets, users: sample.users });
  mkdirSync(join(dir, 'many'));
  writeFileSync(join(dir, 'many', 'a.json'), JSON.stringify({ tickets: sample.tickets.slice(0, 2) }));
  writeFileSync(join(dir, 'many', 'b.json'), JSON.stringify({ tickets: sample.tickets.slice(2, 4) }));
  writeFileSync(join(dir, 'flawed.json'), exportText);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadTickets', () => {
  it('returns the skipped items with the base name of their file, never the full path', async () => {
    const loaded = await loadTickets(join(dir, 'flawed.json'));
    expect(loaded.tickets).toHaveLength(2);
    expect(loaded.skippedCount).toBe(1);
    expect(loaded.skipped).toEqual([{ source: 'flawed.json', kind: 'comment', pointer: '/tickets/0/comments/0', reason: expect.stringMatching(/^comment skipped: created_at: /) }]);
    expect(loaded.problems).toEqual([expect.stringMatching(/^flawed\.json#\/tickets\/0\/comments\/0\/created_at: comment skipped: /)]);
  });

  it('reads "-" from the given standard input, recorded as source "-"', async () => {
    const loaded = await loadTickets('-', { stdin: () => ({ stream: Readable.from([Buffer.from(exportText)]) }) });
    expect(loaded.tickets).toHaveLength(2);
    expect(loaded.skipped[0]?.source).toBe('-');
  });

  it('bounds each file, and a directory in total', async () => {
    await expect(loadTickets(join(dir, 'flawed.json'), { maxFileBytes: 100 })).rejects.toMatchObject({
      code: 'TICKETS_INVALID',
      message: expect.stringContaining('is larger than the limit of 100 bytes'),
    });
    const a = readFileSync(join(dir, 'many', 'a.json')).length;
    expect((await loadTickets(join(dir, 'many'), { maxTotalBytes: a * 4 })).tickets).toHaveLength(4);
    await expect(loadTickets(join(dir, 'many'), { maxTotalBytes: a + 10 })).rejects.toMatchObject({
      code: 'TICKETS_INVALID',
      message: `the tickets files of ${join(dir, 'many')} are larger than ${(a + 10).toLocaleString('en-US')} bytes in total (the limit was reached in ${join(dir, 'many', 'b.json')})`,
    });
  });
});
