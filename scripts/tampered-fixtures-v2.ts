/**
 * The tampered format v2 demo bundles: a good v2 bundle of fixtures/bundles/v2/ changed in ONE
 * way by editing its lines, with what the verifier must say about it. Where a change has to get
 * past the harness tree head to reach the check it is aimed at, the file is re-sealed with the
 * published demo harness key alone (test/verify/v2/reseal.ts: counts, line limit, harness head),
 * as a dishonest harness would; nothing another key signed is signed again.
 *
 * Written to fixtures/bundles/v2/tampered/ with its own index.json and README.md by
 * scripts/make-tampered-fixtures.ts (npm run fixtures:tampered), beside the v1 set;
 * test/verify/tampered-fixtures.test.ts verifies each one and checks the committed bytes are
 * exactly what this code produces. Deterministic: Ed25519 signing is, and every edit is fixed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalBytes } from '../src/core/canonical.js';
import { digestOfJson } from '../src/core/hash.js';
import type { JsonObject } from '../src/core/json.js';
import { joinLines } from '../src/format/v2/encode.js';
import { signerFor } from '../src/runtime/keys/keyring.js';
import { KEYRING } from '../test/verify/support.js';
import { lineObject, objects, resealHarness, splitFile, type Lines } from '../test/verify/v2/reseal.js';
import { indexEntryOf, readmeRow, type TamperedFixture, type TamperedIndexEntry } from './tampered-fixtures.js';

export const TAMPERED_V2_DIR = 'fixtures/bundles/v2/tampered';
const TINY = 'fixtures/bundles/v2/tiny-example.clawproof';
const AUTO = 'fixtures/bundles/v2/auto-assign-approved.clawproof';
const LOCAL = 'fixtures/bundles/v2/routing-local.clawproof';

const HARNESS = signerFor(KEYRING, 'harness');

/** A v2 fixture is made from its source's lines (and the repository root, for other files). */
export type TamperedV2Fixture = Omit<TamperedFixture, 'make'> & {
  readonly make: (lines: Lines, root: string) => Promise<Uint8Array> | Uint8Array;
};

export const TAMPERED_V2_FIXTURES: readonly TamperedV2Fixture[] = [
  {
    file: 'record-edited.clawproof',
    summary: "One record's rule edited in place in a v2 file; the verifier must find the harness's seal no longer covers the file.",
    from: TINY,
    description: 'The first decision line (seq 3) given another rule; nothing re-sealed. The harness tree head is over the lines as they were, so no record is read and every check that needs the records fails too.',
    expectCheck: 'manifest',
    expectCode: 'TREE_HEAD_MISMATCH',
    expectVerdict: 'invalid',
    alsoFailing: ['proposals', 'decisions', 'approvals', 'schedule', 'tickets'],
    make: (lines) => joinLines(editFirst(lines, (o) => o['t'] === 'decision', (o) => ({ ...o, rule: '/tools/allow/0' }))),
  },
  {
    file: 'record-dropped.clawproof',
    summary: 'One record deleted from the middle of a v2 file; the verifier must refuse the file at the next record, whose number no longer fits.',
    from: TINY,
    description: 'The intake record (seq 1, line 5) deleted; nothing re-sealed. The next record still says seq 2.',
    expectCheck: 'structure',
    expectCode: 'SEQ_OUT_OF_ORDER',
    expectVerdict: 'invalid',
    alsoFailing: [],
    make: (lines) => joinLines(lines.filter((_, i) => i !== indexOf(lines, (o) => o['t'] === 'intake'))),
  },
  {
    file: 'line-after-tree-heads.clawproof',
    summary: 'A record appended after the two seals that close a v2 file; the verifier must refuse a line after them.',
    from: TINY,
    description: 'A copy of the job_end line appended after the harness tree head.',
    expectCheck: 'structure',
    expectCode: 'LINE_AFTER_TREE_HEADS',
    expectVerdict: 'invalid',
    alsoFailing: [],
    make: (lines) => joinLines([...lines, lines[indexOf(lines, (o) => o['t'] === 'job_end')]!]),
  },
  {
    file: 'truncated.clawproof',
    summary: 'A v2 file cut in half; the verifier must say it cannot be read, not crash.',
    from: TINY,
    description: 'The file cut short: only its first half of bytes kept, which ends inside a line.',
    expectCheck: 'structure',
    expectCode: 'LINE_UNTERMINATED',
    expectVerdict: 'invalid',
    alsoFailing: [],
    make: (lines) => {
      const bytes = joinLines(lines);
      return bytes.slice(0, Math.floor(bytes.length / 2));
    },
  },
  {
    file: 'receipt-edited.clawproof',
    summary: "A v2 receipt edited to name another model, its signature left as it was; the verifier must find the proxy's signature no longer matches.",
    from: TINY,
    description: "The receipt line's payload.model changed; its sig, both tree heads and everything else left as they were. The harness tree head covers the receipt line too, so no record is read either.",
    expectCheck: 'receipts',
    expectCode: 'SIGNATURE_INVALID',
    expectVerdict: 'invalid',
    alsoFailing: ['trust', 'decisions', 'approvals', 'schedule', 'tickets', 'manifest'],
    make: (lines) => joinLines(editFirst(lines, (o) => o['t'] === 'receipt', (o) => ({ ...o, payload: { ...(o['payload'] as JsonObject), model: 'other-model' } }))),
  },
  {
    file: 'receipt-dropped-resealed.clawproof',
    summary: "The last model-call receipt deleted and the file signed again with the demo harness key; the verifier must find the proxy's own seal counts one more.",
    from: AUTO,
    description: "The last receipt line deleted (its view and response kept); the header's counts and the harness tree head re-sealed with the demo harness key. The proxy tree head, which only the proxy key can sign, still covers every receipt.",
    expectCheck: 'receipts',
    expectCode: 'TREE_SIZE_MISMATCH',
    expectVerdict: 'invalid',
    alsoFailing: ['model_views', 'proposals', 'schedule'],
    make: (lines) => joinLines(resealHarness(lines.filter((_, i) => i !== lastIndexOf(lines, (o) => o['t'] === 'receipt')), HARNESS)),
  },
  {
    file: 'harness-head-of-other-file.clawproof',
    summary: "The harness's seal swapped for the validly signed seal of another v2 file; the verifier must find it covers other lines.",
    from: TINY,
    description: "The last line (the harness tree head) replaced by routing-local's, validly signed by the demo harness key but over another job's lines, for another job and policy: no record is read, and the head's job and policy disagree with the WPC and CST.",
    expectCheck: 'manifest',
    expectCode: 'TREE_SIZE_MISMATCH',
    expectVerdict: 'invalid',
    alsoFailing: ['wpc', 'cst', 'proposals', 'decisions', 'approvals', 'schedule', 'tickets', 'replay'],
    make: async (lines, root) => {
      const other = splitFile(new Uint8Array(await readFile(join(root, LOCAL))));
      return joinLines([...lines.slice(0, -1), other[other.length - 1]!]);
    },
  },
  {
    file: 'approval-dropped-resealed.clawproof',
    summary: 'One human approval deleted from a v2 file and the file signed again with the demo harness key; the verifier must find a change made without its approval.',
    from: AUTO,
    description: "The first approval line deleted; the header's counts and the harness tree head re-sealed with the demo harness key.",
    expectCheck: 'approvals',
    expectCode: 'APPROVAL_MISSING',
    expectVerdict: 'invalid',
    alsoFailing: ['decisions'],
    make: (lines) => joinLines(resealHarness(lines.filter((_, i) => i !== indexOf(lines, (o) => o['t'] === 'approval')), HARNESS)),
  },
  {
    file: 'decision-forged-resealed.clawproof',
    summary: 'A denied customer notification rewritten as allowed and applied, the v2 file signed again with the demo harness key; the verifier must re-evaluate the decision and disagree.',
    from: TINY,
    description: 'The decision denying tickets.notify_customer (EXPLICIT_DENY by /tools/deny/0) rewritten as allow, ALLOWED by /tools/allow/0, applied; the harness tree head re-sealed with the demo harness key.',
    expectCheck: 'decisions',
    expectCode: 'DECISION_MISMATCH',
    expectVerdict: 'invalid',
    alsoFailing: ['tickets'],
    make: (lines) =>
      joinLines(
        resealHarness(
          editFirst(
            lines,
            (o) => o['t'] === 'decision' && o['outcome'] === 'deny',
            (o) => ({ ...o, outcome: 'allow', code: 'ALLOWED', rule: '/tools/allow/0', applied: true }),
          ),
          HARNESS,
        ),
      ),
  },
  {
    file: 'ticket-after-forged-resealed.clawproof',
    summary: "The ticket's final state edited (sent to another team) in a v2 file, its closing record made to match and the file signed again; the verifier must find a change no action explains.",
    from: TINY,
    description: "The ticket line's after.group_id changed, its ticket_done's after_hash set to the digest of the new after-state, the harness tree head re-sealed with the demo harness key.",
    expectCheck: 'tickets',
    expectCode: 'TICKET_STATE_MISMATCH',
    expectVerdict: 'invalid',
    alsoFailing: [],
    make: (lines) => {
      const objs = objects(lines);
      const ticket = objs.find((o) => o['t'] === 'ticket')!;
      const after = { ...(ticket['after'] as JsonObject), group_id: 360001000199 };
      ticket['after'] = after;
      const done = objs.find((o) => o['t'] === 'ticket_done' && o['ticket_id'] === ticket['ticket_id'])!;
      done['after_hash'] = digestOfJson(after);
      return joinLines(resealHarness(objs.map((o) => canonicalBytes(o)), HARNESS));
    },
  },
];

/** Every tampered v2 fixture file (path from `root` -> content), computed from the committed good v2 bundles. */
export async function tamperedV2FixtureFiles(root: string): Promise<Map<string, string | Uint8Array>> {
  const files = new Map<string, string | Uint8Array>();
  for (const fixture of TAMPERED_V2_FIXTURES) {
    const lines = splitFile(new Uint8Array(await readFile(join(root, fixture.from))));
    files.set(`${TAMPERED_V2_DIR}/${fixture.file}`, await fixture.make(lines, root));
  }
  files.set(`${TAMPERED_V2_DIR}/index.json`, `${JSON.stringify(tamperedV2Index(), null, 2)}\n`);
  files.set(`${TAMPERED_V2_DIR}/README.md`, readme());
  return files;
}

export function tamperedV2Index(): TamperedIndexEntry[] {
  return TAMPERED_V2_FIXTURES.map(indexEntryOf);
}

// --- line edits ---------------------------------------------------------------------------------

function indexOf(lines: Lines, test: (o: JsonObject) => boolean): number {
  const i = lines.findIndex((l) => test(lineObject(l)));
  if (i < 0) throw new Error('no line matches');
  return i;
}

function lastIndexOf(lines: Lines, test: (o: JsonObject) => boolean): number {
  for (let i = lines.length - 1; i >= 0; i--) if (test(lineObject(lines[i]!))) return i;
  throw new Error('no line matches');
}

/** The lines with the first line passing `test` replaced by the canonical bytes of `edit(its object)`. */
function editFirst(lines: Lines, test: (o: JsonObject) => boolean, edit: (o: JsonObject) => JsonObject): Lines {
  const i = indexOf(lines, test);
  const out = [...lines];
  out[i] = canonicalBytes(edit(lineObject(lines[i]!)));
  return out;
}

// --- README -------------------------------------------------------------------------------------

function readme(): string {
  const rows = TAMPERED_V2_FIXTURES.map(readmeRow);
  return [
    '# Tampered format v2 demo bundles',
    '',
    'Each file is one good format v2 demo bundle of `fixtures/bundles/v2/` changed in one way, by editing its',
    'lines (docs/FORMATS.md, "Proof bundle format v2"). Verify them against `fixtures/trust/demo-trust-root.json`:',
    "none is valid, and the verifier names the check and the code below (the check's `code`: its first failing",
    'issue). Where a change must get past the harness tree head to reach the check it is aimed at, the file',
    "was re-sealed with the **published demo harness key** alone (the header's counts and line limit, the",
    'harness tree head), as a dishonest harness would; receipts, approvals and the proxy tree head are never',
    're-signed. "Also failing" lists every other check that fails on the file; "made from" is the good',
    'bundle it started from.',
    '',
    'Made by `npm run fixtures:tampered` (scripts/make-tampered-fixtures.ts; the ways of tampering are in',
    'scripts/tampered-fixtures-v2.ts) from the committed good v2 bundles; regenerating writes the same bytes,',
    'and test/verify/tampered-fixtures.test.ts checks both the bytes and every verdict. `index.json` holds',
    'the same table for programs, in the shape of fixtures/bundles/tampered/index.json. The app does not',
    'list this folder yet (it leaves out fixtures/bundles/v2/).',
    '',
    '| file | failing check | code | verdict | also failing | made from | what was done | in plain words |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
