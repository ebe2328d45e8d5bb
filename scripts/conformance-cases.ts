/**
 * The cases of the conformance suite, each with its aim: the verdict and the check and code it is
 * about, stated here independently of the verifier. scripts/conformance-suite.ts records what
 * verifyBundle reports for each and refuses to write a suite whose reports miss their aims.
 */
import { DEMO_BUNDLES, demoV2File } from '../src/runtime/node/demo-fixtures.js';
import type { VerifyOptions } from '../src/verify/context.js';
import type { ConformanceGroup } from '../src/verify/conformance/manifest.js';
import type { CheckId, Verdict } from '../src/verify/report.js';
import { FORGED_FIXTURES } from './tampered-forgeries.js';
import { TAMPERED_DIR, TAMPERED_FIXTURES } from './tampered-fixtures.js';
import { TAMPERED_V2_DIR, TAMPERED_V2_FIXTURES } from './tampered-fixtures-v2.js';
import { DEMO_ROOT, TINY } from './conformance-inputs.js';

export const CONFORMANCE_DIR = 'fixtures/conformance';

export interface Aim {
  readonly verdict: Verdict;
  /** The check the case is aimed at, failing with `code`. */
  readonly check?: CheckId;
  readonly code?: string;
  /** When given, exactly these checks fail. */
  readonly failing?: readonly CheckId[];
}

export interface CaseSpec {
  readonly id: string;
  readonly group: ConformanceGroup;
  readonly description: string;
  /** Paths from the repository root. */
  readonly input: string;
  readonly trustRoot: string;
  readonly aim: Aim;
  readonly flags?: readonly FlagName[];
}

export interface FlagSpec {
  readonly description: string;
  /** The verifier options under which a conforming verifier may also report; each gives one alternative. */
  readonly alternativeOptions: readonly VerifyOptions[];
}

export const FLAGS = {
  DepthLimit:
    'The input nests deeper than 64 arrays and objects, the default depth limit of section "Strict JSON", which a caller may raise (to at most 1000). ' +
    'The alternatives are what the reference verifier reports with a limit of 1000.',
} as const;
export type FlagName = keyof typeof FLAGS;

export const FLAG_SPECS: Readonly<Record<FlagName, FlagSpec>> = {
  DepthLimit: { description: FLAGS.DepthLimit, alternativeOptions: [{ maxDepth: 1000 }] },
};

const inputs = (path: string): string => `${CONFORMANCE_DIR}/${path}`;
const unreadable = (code: string): Aim => ({ verdict: 'invalid', check: 'structure', code, failing: ['structure'] });
const valid: Aim = { verdict: 'valid', failing: [] };
const name = (path: string): string => path.slice(path.lastIndexOf('/') + 1).replace(/\.clawproof$/, '');

const VALID: readonly CaseSpec[] = [
  ...DEMO_BUNDLES.map((b): CaseSpec => ({ id: `valid/${name(b.file)}`, group: 'valid', description: b.description, input: b.file, trustRoot: DEMO_ROOT, aim: valid })),
  // The same runs as format v2 (JSON Lines): a verifier reads both formats.
  ...DEMO_BUNDLES.map((b): CaseSpec => ({
    id: `valid/v2-${name(b.file)}`,
    group: 'valid',
    description: `Format v2 of the same run: ${b.description}`,
    input: demoV2File(b),
    trustRoot: DEMO_ROOT,
    aim: valid,
  })),
  ...(
    [
      ['compact', 'The tiny example re-serialised without any whitespace.'],
      ['members-reversed', 'The tiny example with its top-level members in reverse order.'],
      ['crlf', 'The tiny example with CRLF line ends.'],
      ['trailing-whitespace', 'The tiny example followed by spaces, a tab and line ends (whitespace after the value is allowed).'],
      ['escaped-strings', 'The tiny example with a member name and a string of its model view written with \\u escapes (same values, other bytes).'],
      ['version-1.0', 'The tiny example with "version": 1.0, the number 1 spelled another way (numbers are values, not spellings).'],
    ] as const
  ).map(([file, description]): CaseSpec => ({ id: `valid/${file}`, group: 'valid', description, input: inputs(`inputs/valid/${file}.clawproof`), trustRoot: DEMO_ROOT, aim: valid })),
];

const FORGED = new Set(FORGED_FIXTURES.map((f) => f.file));

const TAMPERED: readonly CaseSpec[] = TAMPERED_FIXTURES.map((f) => {
  const group: ConformanceGroup = FORGED.has(f.file) ? 'forgery' : 'tampered';
  return {
    id: `${group}/${name(f.file)}`,
    group,
    description: f.description,
    input: `${TAMPERED_DIR}/${f.file}`,
    trustRoot: DEMO_ROOT,
    aim: { verdict: f.expectVerdict, check: f.expectCheck, code: f.expectCode, failing: [f.expectCheck, ...f.alsoFailing] },
  };
});

/** The tampered v2 files: each line-level change with the check and code that must catch it. */
const TAMPERED_V2: readonly CaseSpec[] = TAMPERED_V2_FIXTURES.map((f) => ({
  id: `tampered/v2-${name(f.file)}`,
  group: 'tampered',
  description: f.description,
  input: `${TAMPERED_V2_DIR}/${f.file}`,
  trustRoot: DEMO_ROOT,
  aim: { verdict: f.expectVerdict, check: f.expectCheck, code: f.expectCode, failing: [f.expectCheck, ...f.alsoFailing] },
}));

const HOSTILE_SPECS: readonly (readonly [file: string, aim: Aim, description: string, flags?: readonly FlagName[]])[] = [
  ['empty', unreadable('INPUT_NOT_JSON'), 'An empty file (0 bytes).'],
  ['whitespace-only', unreadable('INPUT_NOT_JSON'), 'Only whitespace: no JSON value.'],
  ['zip-archive', unreadable('INPUT_NOT_JSON'), 'The first 32 bytes of a ZIP archive.'],
  ['cut-before-last-brace', unreadable('INPUT_NOT_JSON'), 'The tiny example cut just before its final closing brace.'],
  ['trailing-garbage', unreadable('INPUT_NOT_JSON'), 'The tiny example followed by the letter x.'],
  ['second-document', unreadable('INPUT_NOT_JSON'), 'The tiny example followed by a second JSON document ({}).'],
  ['comment', unreadable('INPUT_NOT_JSON'), 'The tiny example after a // comment line.'],
  ['trailing-comma', unreadable('INPUT_NOT_JSON'), 'The tiny example with a comma after its last member.'],
  ['bom', unreadable('INPUT_NOT_JSON'), 'The tiny example after a UTF-8 byte order mark (EF BB BF), which strict JSON refuses.'],
  ['utf16le', unreadable('INPUT_NOT_UTF8'), 'The tiny example saved as UTF-16LE with a byte order mark (FF FE).'],
  ['invalid-utf8-byte', unreadable('INPUT_NOT_UTF8'), 'The byte FF inside a string of the model view.'],
  ['utf8-cut-sequence', unreadable('INPUT_NOT_UTF8'), 'The lead byte C3 of a two-byte UTF-8 sequence without its continuation byte, inside a string.'],
  ['utf8-overlong', unreadable('INPUT_NOT_UTF8'), 'An overlong UTF-8 form (C0 AE for ".") inside a string.'],
  ['utf8-encoded-surrogate', unreadable('INPUT_NOT_UTF8'), 'A surrogate encoded in UTF-8 (ED A0 80, CESU-8) inside a string.'],
  ['lone-surrogate-escape', unreadable('INPUT_NOT_JSON'), 'A lone surrogate escape (\\ud800) inside a string of the model view.'],
  ['raw-control-character', unreadable('INPUT_NOT_JSON'), 'A raw U+0001 inside a string (control characters must be escaped).'],
  ['duplicate-key', unreadable('INPUT_DUPLICATE_KEY'), 'The top-level member "version" twice.'],
  ['duplicate-key-escaped', unreadable('INPUT_DUPLICATE_KEY'), 'The top-level member "version" twice, once spelled "\\u0076ersion".'],
  ['duplicate-key-in-view', unreadable('INPUT_DUPLICATE_KEY'), 'The model view\'s "subject" twice, a false value first: a last-wins parser would find the bundle valid.'],
  ['number-overflow', unreadable('INPUT_NOT_JSON'), '"version": 1e400, a number that rounds to infinity.'],
  ['number-leading-zero', unreadable('INPUT_NOT_JSON'), '"version": 01, a number with a leading zero.'],
  ['nan', unreadable('INPUT_NOT_JSON'), '"version": NaN, not a JSON number.'],
  ['nesting-64', { verdict: 'invalid', check: 'structure', code: 'INPUT_NOT_OBJECT', failing: ['structure'] }, '64 nested arrays: within the depth limit, so read, and refused as not an object.'],
  ['nesting-65', unreadable('INPUT_TOO_DEEP'), '65 nested arrays: one past the default depth limit.', ['DepthLimit']],
  ['nesting-unclosed', unreadable('INPUT_TOO_DEEP'), '10,000 opening brackets and nothing else: past every allowed depth limit before the text ends (a parser must not exhaust its stack).'],
  ['view-nested-past-limit', unreadable('INPUT_TOO_DEEP'), 'The tiny example with its model view\'s subject replaced by 70 nested objects (the document nests 74 deep).', ['DepthLimit']],
  ['top-level-array', unreadable('INPUT_NOT_OBJECT'), 'The tiny example wrapped in an array.'],
  ['top-level-null', unreadable('INPUT_NOT_OBJECT'), 'The JSON text null.'],
  ['media-type-unknown', { verdict: 'invalid', check: 'structure', code: 'MEDIA_TYPE_UNKNOWN' }, 'The tiny example with a mediaType this format does not define; the parts are still checked.'],
  ['version-2', { verdict: 'invalid', check: 'structure', code: 'VERSION_UNSUPPORTED' }, 'The tiny example claiming bundle version 2.'],
  ['version-string', { verdict: 'invalid', check: 'structure', code: 'VERSION_UNSUPPORTED' }, 'The tiny example with "version": "1", a string.'],
  ['unknown-member', { verdict: 'invalid', check: 'structure', code: 'UNKNOWN_FIELD', failing: ['structure'] }, 'The tiny example with an extra top-level member "note" (nothing unsigned may ride along).'],
  ['proto-member', { verdict: 'invalid', check: 'structure', code: 'UNKNOWN_FIELD', failing: ['structure'] }, 'The tiny example with an extra top-level member "__proto__": an ordinary, unknown name.'],
  ['member-missing', { verdict: 'invalid', check: 'structure', code: 'FIELD_MISSING' }, 'The tiny example without its approvals member.'],
  ['list-not-array', { verdict: 'invalid', check: 'structure', code: 'WRONG_TYPE' }, 'The tiny example with model_views an object instead of an array.'],
];

const HOSTILE: readonly CaseSpec[] = HOSTILE_SPECS.map(([file, aim, description, flags]) => ({
  id: `hostile/${file}`,
  group: 'hostile',
  description,
  input: inputs(`inputs/hostile/${file}.clawproof`),
  trustRoot: DEMO_ROOT,
  aim,
  ...(flags === undefined ? {} : { flags }),
}));

const TRUST: readonly CaseSpec[] = (
  [
    ['demo-keys-not-demo-only', { verdict: 'valid', failing: [] }, 'The tiny example against a root listing the demo keys without demoOnly: valid, and no TRUST_ROOT_DEMO_ONLY warning.'],
    ['stranger', { verdict: 'unknown-signer', check: 'trust', code: 'KEY_NOT_TRUSTED' }, 'The tiny example against a root that lists none of its signers: unknown signer, every failure a consequence of the unread parts.'],
    ['without-proxy', { verdict: 'unknown-signer', check: 'trust', code: 'KEY_NOT_TRUSTED' }, 'The tiny example against the demo keys less the proxy key: the receipts cannot be read, and every failure follows from that.'],
    [
      'without-approver',
      { verdict: 'invalid', check: 'approvals', code: 'APPROVAL_MISSING' },
      'The tiny example against the demo keys less the approver key: an applied assignment then has no trusted approval, which is invalid, not merely an unknown signer.',
    ],
    [
      'proxy-approver-swapped',
      { verdict: 'invalid', check: 'trust', code: 'KEY_NOT_TRUSTED' },
      'The tiny example against a root listing the proxy key as approver and the approver key as proxy: a key counts only for its role.',
    ],
    ['windows-closed', { verdict: 'invalid', check: 'trust', code: 'KEY_OUTSIDE_VALIDITY', failing: ['trust'] }, 'The tiny example (run in 2026) against the demo keys with every validity window closed on 2025-06-01.'],
  ] as const
).map(([file, aim, description]): CaseSpec => ({ id: `trust/${file}`, group: 'trust', description, input: TINY, trustRoot: inputs(`inputs/trust/${file}.json`), aim }));

export const CASE_SPECS: readonly CaseSpec[] = [
  ...VALID,
  ...TAMPERED.filter((c) => c.group === 'tampered'),
  ...TAMPERED_V2,
  ...TAMPERED.filter((c) => c.group === 'forgery'),
  ...HOSTILE,
  ...TRUST,
];
