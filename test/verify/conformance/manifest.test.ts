import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConformanceManifest, type ConformanceManifest } from '../../../src/verify/conformance/manifest.js';
import { ROOT } from '../support.js';

const COMMITTED = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'conformance', 'manifest.json'), 'utf8')) as ConformanceManifest;
const copy = (): ConformanceManifest => structuredClone(COMMITTED);

describe('readConformanceManifest', () => {
  it('accepts the committed manifest', () => {
    const reading = readConformanceManifest(copy());
    expect(reading.ok).toBe(true);
  });

  it('refuses a case id used twice, an id outside its group, and flags the manifest does not define', () => {
    const m = copy();
    m.cases[1]!.id = m.cases[0]!.id;
    m.cases[2]!.group = 'hostile';
    const flagged = m.cases.findIndex((c) => c.flags.length > 0);
    m.cases[flagged]!.flags = ['NoSuchFlag'];
    const reading = readConformanceManifest(m);
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.problems).toEqual([
      `/cases/1/id: case id ${COMMITTED.cases[0]!.id} is used twice`,
      `/cases/2/id: case id ${COMMITTED.cases[2]!.id} does not start with its group hostile/`,
      `/cases/${flagged}: flag NoSuchFlag is not defined in /flags`,
      `/cases/${flagged}: an alternative names flag DepthLimit, which the case does not carry`,
    ]);
  });

  it('refuses a schema violation with its pointer: an unknown check id, a bad hash, an absolute path, an unknown member', () => {
    const m = copy() as unknown as { cases: Record<string, unknown>[] } & Record<string, unknown>;
    const c = m.cases[0] as { expected: { failing: unknown[] }; input: { sha256: string; path: string }; extra?: unknown };
    c.expected.failing = [{ check: 'signatures', code: 'X', codes: ['X'] }];
    c.input.sha256 = 'ABC';
    c.input.path = '/etc/passwd';
    c.extra = true;
    const reading = readConformanceManifest(m);
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    const pointers = reading.problems.map((p) => p.slice(0, p.indexOf(':')));
    expect(pointers).toEqual(expect.arrayContaining(['/cases/0', '/cases/0/input/path', '/cases/0/input/sha256', '/cases/0/expected/failing/0/check']));
  });
});
