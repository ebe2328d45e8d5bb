/**
 * The spec's code tables are the registry's (scripts/code-tables.ts renders them into
 * docs/formats-parts/90-verification.md), and the hand-written prose around them names only
 * registered codes, each in a section about a check that reports it.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_TABLES_PART, REGION_NAMES, beginMarker, endMarker, renderRegions, spliceRegions } from '../../scripts/code-tables.js';
import { CHECK_IDS, type CheckId } from '../../src/format/checks.js';
import { CODES, isCheckCode, severitiesIn } from '../../src/format/codes.js';

const ROOT = resolve(import.meta.dirname, '../..');
const VERIFICATION_PARTS = ['docs/formats-parts/90-verification.md', 'docs/formats-parts/91-verification-semantics.md'];
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Codes the spec names that are errors verifyBundle throws, not report codes. */
const THROWN_ERRORS = new Set(['VERIFY_TRUST_ROOT_MISSING', 'VERIFY_OPTIONS_INVALID', 'TRUST_ROOT_INVALID']);

/** A code the prose names in a check's section although another check reports it, and why. */
const NAMED_ELSEWHERE: readonly { section: CheckId; code: string; why: string }[] = [
  { section: 'tickets', code: 'VALUE_OUT_OF_RANGE', why: 'an input_skipped.count below its items fails structure, not tickets' },
];

function withoutGenerated(text: string): string {
  return text.replace(/<!-- codes:(\w+):begin[\s\S]*?<!-- codes:\1:end -->/g, '');
}

function backtickedCodes(text: string): string[] {
  return [...new Set([...text.matchAll(/`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`/g)].map((m) => m[1]!))];
}

describe('the code tables of the verification spec', () => {
  it(`are what the registry renders (edit src/format/codes.ts, then run npm run docs:formats)`, () => {
    const part = read(CODE_TABLES_PART);
    expect(spliceRegions(part)).toBe(part);
  });

  it('list every registered code, backticked', () => {
    const generated = Object.values(renderRegions()).join('\n');
    expect(CODES.filter((code) => !generated.includes(`\`${code}\``))).toEqual([]);
  });

  it('refuse to splice into a part whose markers are missing, repeated or reversed', () => {
    const good = REGION_NAMES.map((name) => `${beginMarker(name)}\nold\n${endMarker(name)}`).join('\n\n');
    expect(spliceRegions(good)).not.toContain('\nold\n');
    expect(() => spliceRegions(good.replace(endMarker('schema'), ''))).toThrow(/codes:schema/);
    expect(() => spliceRegions(`${good}\n${beginMarker('index')}`)).toThrow(/codes:index/);
    const reversed = `${endMarker('input')}\n${beginMarker('input')}\n${good.slice(good.indexOf(beginMarker('schema')))}`;
    expect(() => spliceRegions(reversed)).toThrow(/before its begin marker/);
  });
});

describe('the verification prose', () => {
  it('names only registered codes (or the errors verifyBundle throws)', () => {
    for (const path of VERIFICATION_PARTS) {
      const unknown = backtickedCodes(withoutGenerated(read(path))).filter((code) => !isCheckCode(code) && !THROWN_ERRORS.has(code));
      expect(unknown, path).toEqual([]);
    }
    for (const name of THROWN_ERRORS) expect(isCheckCode(name), name).toBe(false);
  });

  it("names, in each check's section, codes that check reports", () => {
    const misplaced: string[] = [];
    const covered = new Set<CheckId>();
    for (const path of VERIFICATION_PARTS) {
      for (const section of withoutGenerated(read(path)).split(/^(?=#{3,4} )/m)) {
        const heading = section.slice(0, section.indexOf('\n'));
        const checks = [...heading.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!).filter((id): id is CheckId => (CHECK_IDS as readonly string[]).includes(id));
        if (checks.length === 0) continue;
        for (const id of checks) covered.add(id);
        for (const code of backtickedCodes(section)) {
          if (!isCheckCode(code)) continue;
          if (checks.some((id) => severitiesIn(code, id).length > 0)) continue;
          if (NAMED_ELSEWHERE.some((e) => checks.includes(e.section) && e.code === code)) continue;
          misplaced.push(`${path} "${heading}": ${code}`);
        }
      }
    }
    expect(misplaced).toEqual([]);
    // Every check has a section in one part or the other.
    expect([...covered].sort()).toEqual([...CHECK_IDS].sort());
  });
});
