/**
 * What the views say about a report beyond its raw fields: the file problem to lead with when the
 * file is not a readable bundle, and the words for a verdict.
 */
import { BUNDLE_MEDIA_TYPE } from '../../core/bundle/media-types.js';
import { BUNDLE_V2_MEDIA_TYPE } from '../../format/v2/media-types.js';
import type { CheckCode, Report, Verdict } from '../../verify/report.js';
import type { ReportHead } from '../../store/report-parts.js';
import type { DisplayStatus } from './check-status.js';

export type FileProblemKind = 'not-a-bundle' | 'damaged' | 'unknown-version' | 'too-large';

export interface FileProblem {
  readonly kind: FileProblemKind;
  readonly title: string;
  readonly advice: string;
  readonly code: string;
  readonly message: string;
}

// v1's INPUT_* codes and their v2 reader counterparts (src/format/codes.ts V2_UNREADABLE_CODES).
const NOT_A_BUNDLE = new Set<CheckCode>(['INPUT_NOT_JSON', 'INPUT_NOT_UTF8', 'INPUT_NOT_OBJECT', 'INPUT_NOT_JSON_DATA', 'MEDIA_TYPE_UNKNOWN', 'HEADER_MISSING', 'LINE_NOT_JSON', 'LINE_NOT_UTF8', 'LINE_NOT_OBJECT']);
const TOO_LARGE = new Set<CheckCode>(['INPUT_TOO_LARGE', 'ARRAY_TOO_LONG', 'LINE_TOO_LONG', 'HEADER_COUNT_EXCEEDED']);

/** Text damage (cut short, bad bytes) in a file that names the bundle media type near its start. */
const DAMAGE = new Set<CheckCode>(['INPUT_NOT_JSON', 'INPUT_NOT_UTF8', 'LINE_NOT_JSON', 'LINE_NOT_UTF8', 'LINE_UNTERMINATED', 'TREE_HEADS_MISSING']);

/**
 * Whether the file announces itself as a Clawproof bundle: its media type within the first bytes
 * (the producer writes it first). Tells a damaged bundle from a file that never was one.
 */
export function claimsToBeBundle(bytes: Uint8Array | null): boolean {
  if (bytes === null) return false;
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096));
  return head.includes(BUNDLE_MEDIA_TYPE) || head.includes(BUNDLE_V2_MEDIA_TYPE);
}

/**
 * Why the file could not be read as a bundle at all, from the structure check; null when its
 * structure is sound (the other checks then say what is wrong, if anything). `claimsBundle`: the
 * file names the bundle media type, so unreadable text means damage, not a different file.
 */
export function fileProblem(report: ReportHead, claimsBundle = false): FileProblem | null {
  const structure = report.checks.find((check) => check.id === 'structure');
  if (structure === undefined || structure.status !== 'fail') return null;
  const issues = structure.issues.filter((issue) => issue.severity === 'fail');
  const codes = issues.map((issue) => issue.code);
  const first = (predicate: (code: CheckCode) => boolean) => issues.find((issue) => predicate(issue.code)) ?? issues[0];
  if (claimsBundle && codes.some((code) => DAMAGE.has(code))) {
    const issue = first((code) => DAMAGE.has(code));
    return {
      kind: 'damaged',
      title: 'This bundle is damaged',
      advice: 'It starts like a Clawproof bundle but cannot be read to the end: it may be cut short or corrupted. Get a fresh copy from whoever produced it.',
      code: issue?.code ?? structure.code,
      message: issue?.message ?? structure.message,
    };
  }
  if (codes.some((code) => NOT_A_BUNDLE.has(code)) && !codes.includes('VERSION_UNSUPPORTED')) {
    const issue = first((code) => NOT_A_BUNDLE.has(code));
    return {
      kind: 'not-a-bundle',
      title: 'This file is not a Clawproof bundle',
      advice: 'Choose a .clawproof file produced by a Clawproof run (the Lab, or `clawproof run`).',
      code: issue?.code ?? structure.code,
      message: issue?.message ?? structure.message,
    };
  }
  if (codes.includes('VERSION_UNSUPPORTED')) {
    const issue = first((code) => code === 'VERSION_UNSUPPORTED');
    return {
      kind: 'unknown-version',
      title: 'This bundle has a version this verifier does not know',
      advice: 'It may come from a newer Clawproof; verify it with that version. Nothing in it was trusted.',
      code: 'VERSION_UNSUPPORTED',
      message: issue?.message ?? structure.message,
    };
  }
  if (codes.some((code) => TOO_LARGE.has(code))) {
    const issue = first((code) => TOO_LARGE.has(code));
    return {
      kind: 'too-large',
      title: 'This file is larger than the verifier reads',
      advice: 'The limits protect this page from hostile input; a genuine run of this size should be split.',
      code: issue?.code ?? structure.code,
      message: issue?.message ?? structure.message,
    };
  }
  return {
    kind: 'damaged',
    title: 'This bundle is damaged',
    advice: 'Its structure is broken, so its signatures cannot all be checked. Get a fresh copy from whoever produced it.',
    code: structure.code,
    message: structure.message,
  };
}

export interface VerdictWords {
  /** The verdict's style: an unknown signer is "not checked" (nothing was proved), not a warning. */
  readonly status: DisplayStatus;
  readonly title: string;
  readonly lead: string;
}

export function verdictWords(verdict: Verdict): VerdictWords {
  switch (verdict) {
    case 'valid':
      return {
        status: 'pass',
        title: 'Valid',
        lead: 'Every signature, hash and pin checks out against your trust root, and every change is explained.',
      };
    case 'invalid':
      return { status: 'fail', title: 'Invalid', lead: 'At least one check failed: do not rely on this bundle.' };
    case 'unknown-signer':
      return {
        status: 'unchecked',
        title: 'Not checked: signed by keys your trust root does not know',
        lead: 'What those keys signed was not checked: the signatures may be intact, but nobody you trust made them. Check which trust root is selected.',
      };
  }
}
