/**
 * The tampered demo bundles: each good demo bundle of fixtures/bundles/ changed in ONE way, with
 * what the verifier must say about it. Where a change has to get past the signature checks to
 * reach the check it is aimed at, the changed parts are signed again with the published demo keys
 * (a dishonest holder of those keys), so that check, not a signature, is what catches it.
 *
 * scripts/make-tampered-fixtures.ts writes the files (npm run fixtures:tampered);
 * test/verify/tampered-fixtures.test.ts verifies each one and checks the committed bytes are
 * exactly what this code produces. Everything here is deterministic: Ed25519 signing is, and the
 * re-run jobs use the demo fixtures' seed and a fixed clock.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { base64Decode, base64Encode } from '../src/core/bytes.js';
import { canonicalBytes } from '../src/core/canonical.js';
import { sha256 } from '../src/core/hash.js';
import { parseStrictJson } from '../src/core/json.js';
import type { ApprovalPayload, ProofBundle, ReceiptPayload, RecordPayload } from '../src/core/bundle/types.js';
import { serializeBundle } from '../src/runtime/bundle/serialize.js';
import { signerFor, type Keyring } from '../src/runtime/keys/keyring.js';
import { runJob } from '../src/runtime/job/run-job.js';
import { getModel } from '../src/runtime/models/index.js';
import { DEMO_BUNDLES } from '../src/runtime/node/demo-fixtures.js';
import { importZendeskExport } from '../src/runtime/tickets/zendesk-import.js';
import type { CheckId, Verdict } from '../src/verify/report.js';
import {
  KEYRING,
  STRANGER,
  claimsOf,
  mintCst,
  paeOf,
  payloadOf,
  reseal,
  resignedWithTorsionR,
  rewriteReceipts,
  signPayload,
  withSPlusL,
  withSignature,
} from '../test/verify/support.js';
import { approvalsOf, editTickets, reclose, recordsOf, withApprovals } from '../test/verify/diff/bundles.js';

import { FORGED_FIXTURES } from './tampered-forgeries.js';

export const TAMPERED_DIR = 'fixtures/bundles/tampered';
const TINY = 'fixtures/bundles/tiny-example.clawproof';
const AUTO = 'fixtures/bundles/auto-assign-approved.clawproof';

export interface TamperedFixture {
  /** File name in fixtures/bundles/tampered/. */
  readonly file: string;
  /** The good demo bundle it starts from (path from the repository root). */
  readonly from: string;
  /** What was done to it, in the format's terms (pointers, fields, keys). */
  readonly description: string;
  /** The same in plain words for the demo list: what was changed and what the verifier must catch. */
  readonly summary: string;
  /** The check aimed at: it fails, and its code (the first failing issue's code) is expectCode. */
  readonly expectCheck: CheckId;
  readonly expectCode: string;
  readonly expectVerdict: Verdict;
  /** Every other check that fails too, in report order (a tamper often shows in more than one place). */
  readonly alsoFailing: readonly CheckId[];
  readonly make: (source: ProofBundle, sourceBytes: Uint8Array, root: string) => Promise<string | Uint8Array> | string | Uint8Array;
}

/** The entry of index.json: what the UI and the tests read. */
export interface TamperedIndexEntry {
  readonly file: string;
  readonly from: string;
  readonly description: string;
  readonly summary: string;
  readonly expectCheck: CheckId;
  readonly expectCode: string;
  readonly expectVerdict: Verdict;
  readonly alsoFailing: readonly CheckId[];
}

/** One part of a good bundle changed, re-signed where it must get past a signature. */
const ONE_PART_FIXTURES: readonly TamperedFixture[] = [
  {
    file: 'receipt-removed.clawproof',
    summary: 'One model-call receipt deleted from the middle of the run; the verifier must notice the gap in the chain of receipts.',
    from: AUTO,
    description: 'The 6th gateway receipt (/receipts/5) deleted; nothing re-signed.',
    expectCheck: 'receipts',
    expectCode: 'RECEIPT_CHAIN_BROKEN',
    expectVerdict: 'invalid',
    alsoFailing: ['model_views', 'proposals', 'schedule', 'manifest'],
    make: (b) => out({ ...b, receipts: b.receipts.filter((_, i) => i !== 5) }),
  },
  {
    file: 'receipts-reordered.clawproof',
    summary: 'Two model-call receipts swapped in order; the verifier must notice the chain is out of order.',
    from: AUTO,
    description: 'Receipts /receipts/3 and /receipts/4 swapped; nothing re-signed.',
    expectCheck: 'receipts',
    expectCode: 'RECEIPT_CHAIN_BROKEN',
    expectVerdict: 'invalid',
    alsoFailing: ['model_views', 'proposals', 'schedule', 'manifest'],
    make: (b) => out({ ...b, receipts: b.receipts.map((r, i) => b.receipts[i === 3 ? 4 : i === 4 ? 3 : i]!) }),
  },
  {
    file: 'receipt-duplicated.clawproof',
    summary: 'The one model-call receipt copied in twice, as if the call were replayed; the verifier must notice the duplicate.',
    from: TINY,
    description: 'The only receipt copied in right after itself (a replayed model call); nothing re-signed.',
    expectCheck: 'receipts',
    expectCode: 'RECEIPT_DUPLICATE',
    expectVerdict: 'invalid',
    alsoFailing: ['model_views', 'proposals', 'schedule', 'manifest'],
    make: (b) => out({ ...b, receipts: [b.receipts[0]!, b.receipts[0]!] }),
  },
  {
    file: 'receipt-edited.clawproof',
    summary: 'A model-call receipt edited to claim another answer, its signature left as it was; the verifier must find the signature no longer matches.',
    from: TINY,
    description: "The receipt's response_hash changed (to the hash of another answer) in its payload; the proxy's signature left as it was.",
    expectCheck: 'receipts',
    expectCode: 'SIGNATURE_INVALID',
    expectVerdict: 'invalid',
    alsoFailing: ['trust', 'proposals', 'schedule', 'manifest'],
    make: (b) => {
      const receipt = b.receipts[0]!;
      const payload = payloadOf<ReceiptPayload>(receipt);
      payload.response_hash = otherAnswerHash();
      return out({ ...b, receipts: [{ ...receipt, payload: base64Encode(canonicalBytes(payload)) }] });
    },
  },
  {
    file: 'receipt-edited-resigned.clawproof',
    summary: 'A model-call receipt edited to claim another answer and signed again with the demo key; the verifier must see that the recorded answer no longer matches it.',
    from: TINY,
    description: "The receipt's response_hash changed and the receipt re-signed with the demo proxy key, the manifest re-sealed with the demo harness key: only the model response it no longer matches gives it away.",
    expectCheck: 'model_views',
    expectCode: 'MODEL_RESPONSE_HASH_MISMATCH',
    expectVerdict: 'invalid',
    alsoFailing: ['proposals'],
    make: (b) => {
      rewriteReceipts(b, (r) => {
        r.response_hash = otherAnswerHash();
      });
      reseal(b);
      return out(b);
    },
  },
  {
    file: 'policy-swapped.clawproof',
    summary: 'The policy replaced by a different, validly signed one; the verifier must notice the run was pinned to another policy.',
    from: TINY,
    description:
      "The WPC replaced by another signed policy (routing-stop-all-writes, signed with the demo controls key); the manifest re-sealed over it and naming its hash. The CST's pin, the job_start record and the receipts still name the policy the run had.",
    expectCheck: 'wpc',
    expectCode: 'POLICY_HASH_MISMATCH',
    expectVerdict: 'invalid',
    alsoFailing: ['cst', 'receipts', 'redaction', 'decisions', 'approvals', 'schedule'],
    make: async (b, _bytes, root) => {
      const other = parseStrictJson(await readFile(join(root, 'fixtures/policies/routing-stop-all-writes.wpc.json')));
      b.wpc = signPayload('wpc', 'controls', other);
      reseal(b, (m) => {
        m.policy_hash = sha256(canonicalBytes(other));
      });
      return out(b);
    },
  },
  {
    file: 'cst-from-other-job.clawproof',
    summary: "The run's access token swapped for the token of another run; the verifier must notice it belongs to a different job.",
    from: TINY,
    description: "The CST replaced by the one of another job (auto-assign-approved's, same policy, validly signed); the manifest re-sealed to name its jti and hash (its job_id is still this run's).",
    expectCheck: 'cst',
    expectCode: 'CST_JOB_MISMATCH',
    expectVerdict: 'invalid',
    alsoFailing: ['receipts', 'decisions', 'replay', 'manifest'],
    make: async (b, _bytes, root) => {
      const other = JSON.parse(await readFile(join(root, AUTO), 'utf8')) as ProofBundle;
      const claims = claimsOf(other.cst);
      b.cst = other.cst;
      reseal(b, (m) => {
        m.cst_jti = claims.jti;
        m.cst_hash = sha256(other.cst);
      });
      return out(b);
    },
  },
  {
    file: 'cst-expired.clawproof',
    summary: 'The run given an access token that had expired an hour before it started; the verifier must refuse the expired token.',
    from: TINY,
    description: 'A CST minted with the demo scope key whose window closed an hour before the run; the receipt and the manifest re-signed to bind it.',
    expectCheck: 'cst',
    expectCode: 'CST_EXPIRED',
    expectVerdict: 'invalid',
    alsoFailing: [],
    make: (b) => {
      const claims = claimsOf(b.cst);
      const token = mintCst({ ...claims, iat: claims.iat - 7200, nbf: claims.iat - 7200, exp: claims.iat - 3600 });
      b.cst = token;
      rewriteReceipts(b, (r) => {
        r.cst_hash = sha256(token);
      });
      reseal(b, (m) => {
        m.cst_hash = sha256(token);
      });
      return out(b);
    },
  },
  {
    file: 'approval-missing.clawproof',
    summary: 'One human approval deleted, while the ticket change it allowed is still there; the verifier must find a change made without its approval.',
    from: AUTO,
    description: 'The first approval (/approvals/0) deleted; the manifest re-sealed so the counts and Merkle root match.',
    expectCheck: 'approvals',
    expectCode: 'APPROVAL_MISSING',
    expectVerdict: 'invalid',
    alsoFailing: ['decisions'],
    make: (b) => {
      b.approvals = b.approvals.slice(1);
      reseal(b);
      return out(b);
    },
  },
  {
    file: 'approval-other-proposal.clawproof',
    summary: "One human approval pointed at another ticket's proposal; the verifier must find the approval does not cover the change it is used for.",
    from: AUTO,
    description: "The first approval's proposal_hash pointed at another ticket's proposal, re-signed with the demo approver key; the manifest re-sealed.",
    expectCheck: 'approvals',
    expectCode: 'APPROVAL_NOT_BOUND',
    expectVerdict: 'invalid',
    alsoFailing: ['decisions'],
    make: (b) => {
      const approvals = approvalsOf(b);
      const first = approvals[0]!;
      const other = recordIndexOfProposal(b, (r) => r.ticket_id !== first.ticket_id);
      const moved: ApprovalPayload = { ...first, proposal_hash: sha256(base64Decode(b.records[other]!.payload)) };
      return out(withApprovals(b, [moved, ...approvals.slice(1)]));
    },
  },
  {
    file: 'ticket-after-edited.clawproof',
    summary: "The ticket's final state edited (sent to another team) and the record signed again; the verifier must find a change no action explains.",
    from: TINY,
    description: "The ticket's after-state edited (assigned to another group); its ticket_done record re-signed with the new after_hash by the demo harness key, records re-chained, manifest re-sealed.",
    expectCheck: 'tickets',
    expectCode: 'TICKET_STATE_MISMATCH',
    expectVerdict: 'invalid',
    alsoFailing: [],
    make: (b) =>
      out(
        editTickets(b, (t) => {
          t.after.group_id = 360001000199;
        }),
      ),
  },
  {
    file: 'model-view-edited.clawproof',
    summary: 'The text shown to the model edited to hide the prompt injection; the verifier must notice the text no longer matches what was receipted.',
    from: TINY,
    description: 'The prompt-injection comment in the model view rewritten (to hide what the model was shown); the manifest re-sealed.',
    expectCheck: 'model_views',
    expectCode: 'MODEL_VIEW_HASH_MISMATCH',
    expectVerdict: 'invalid',
    alsoFailing: ['redaction'],
    make: (b) => {
      const view = b.model_views[0]!.request.view as { comments: { body: string }[] };
      view.comments[1]!.body = 'Thanks!';
      return out(reclose(b));
    },
  },
  {
    file: 'signature-s-plus-l.clawproof',
    summary: "A receipt's signature rewritten into a second form that loose checkers accept; the verifier must reject the non-standard signature.",
    from: TINY,
    description: "The receipt's signature malleated: S replaced by S + L (the group order). Equal under the verification equation; rejected by the S < L rule.",
    expectCheck: 'receipts',
    expectCode: 'SIGNATURE_INVALID',
    expectVerdict: 'invalid',
    alsoFailing: ['trust', 'proposals', 'schedule'],
    make: (b) => {
      const receipt = b.receipts[0]!;
      b.receipts[0] = withSignature(receipt, withSPlusL(base64Decode(receipt.signatures[0]!.sig)));
      return out(reclose(b));
    },
  },
  {
    file: 'signature-small-order-r.clawproof',
    summary: 'A receipt signed in a way only lenient signature checks accept; the verifier must apply the strict rule and reject it.',
    from: TINY,
    description: "The receipt re-signed with the demo proxy key with R moved by a point of order 8 (S recomputed): valid under the cofactored equation only; the strict rule rejects it.",
    expectCheck: 'receipts',
    expectCode: 'SIGNATURE_INVALID',
    expectVerdict: 'invalid',
    alsoFailing: ['trust', 'proposals', 'schedule'],
    make: (b) => {
      const receipt = b.receipts[0]!;
      b.receipts[0] = withSignature(receipt, resignedWithTorsionR(signerFor(KEYRING, 'proxy').secretKey, paeOf(receipt)));
      return out(reclose(b));
    },
  },
  {
    file: 'signed-by-unknown-key.clawproof',
    summary: 'The bundle sealed with a key the demo trust root does not list; the verifier must say it does not know the signer.',
    from: TINY,
    description: 'The manifest re-sealed with a harness key the demo trust root does not list (a stranger closing the bundle).',
    expectCheck: 'trust',
    expectCode: 'KEY_NOT_TRUSTED',
    expectVerdict: 'unknown-signer',
    alsoFailing: ['manifest'],
    make: (b) => {
      reseal(b, () => undefined, STRANGER);
      return out(b);
    },
  },
  {
    file: 'key-expired.clawproof',
    summary: 'The run signed at a time after the demo keys expired; the verifier must refuse keys used outside their validity.',
    from: TINY,
    description: "The tiny example's run done again with its simulated clock moved to 2031-03-02, after the demo keys' validUntil (2031-01-01), and signed with the same demo keys.",
    expectCheck: 'trust',
    expectCode: 'KEY_OUTSIDE_VALIDITY',
    expectVerdict: 'invalid',
    alsoFailing: [],
    make: (_b, _bytes, root) => rerunTiny(root, '2031-03-02T09:00:00.000Z'),
  },
  {
    file: 'key-not-yet-valid.clawproof',
    summary: 'The run signed at a time before the demo keys became valid; the verifier must refuse keys used outside their validity.',
    from: TINY,
    description: "The tiny example's run done again with its simulated clock moved to 2024-12-02, before the demo keys' validFrom (2025-01-01), and signed with the same demo keys.",
    expectCheck: 'trust',
    expectCode: 'KEY_OUTSIDE_VALIDITY',
    expectVerdict: 'invalid',
    alsoFailing: [],
    make: (_b, _bytes, root) => rerunTiny(root, '2024-12-02T09:00:00.000Z'),
  },
  {
    file: 'truncated.clawproof',
    summary: 'The file cut in half; the verifier must say it cannot be read, not crash.',
    from: TINY,
    description: 'The file cut short: only its first half of bytes kept.',
    expectCheck: 'structure',
    expectCode: 'INPUT_NOT_JSON',
    expectVerdict: 'invalid',
    alsoFailing: [],
    make: (_b, bytes) => bytes.slice(0, Math.floor(bytes.length / 2)),
  },
];

export const TAMPERED_FIXTURES: readonly TamperedFixture[] = [...ONE_PART_FIXTURES, ...FORGED_FIXTURES];

/** Every tampered fixture file (path from `root` -> content), computed from the committed good bundles. */
export async function tamperedFixtureFiles(root: string): Promise<Map<string, string | Uint8Array>> {
  const files = new Map<string, string | Uint8Array>();
  for (const fixture of TAMPERED_FIXTURES) {
    const bytes = new Uint8Array(await readFile(join(root, fixture.from)));
    const source = JSON.parse(new TextDecoder().decode(bytes)) as ProofBundle;
    files.set(`${TAMPERED_DIR}/${fixture.file}`, await fixture.make(source, bytes, root));
  }
  files.set(`${TAMPERED_DIR}/index.json`, `${JSON.stringify(tamperedIndex(), null, 2)}\n`);
  files.set(`${TAMPERED_DIR}/README.md`, readme());
  return files;
}

export function tamperedIndex(): TamperedIndexEntry[] {
  return TAMPERED_FIXTURES.map(indexEntryOf);
}

/** A fixture's row in its folder's README table. */
export function readmeRow(f: Omit<TamperedFixture, 'make'>): string {
  const also = f.alsoFailing.length === 0 ? '(none)' : f.alsoFailing.map((c) => `\`${c}\``).join(', ');
  return `| \`${f.file}\` | \`${f.expectCheck}\` | \`${f.expectCode}\` | ${f.expectVerdict} | ${also} | \`${f.from.slice('fixtures/bundles/'.length)}\` | ${f.description} | ${f.summary} |`;
}

/** A fixture's entry in its folder's index.json: what it was made from and what must catch it. */
export function indexEntryOf(fixture: Omit<TamperedFixture, 'make'>): TamperedIndexEntry {
  const { file, from, description, summary, expectCheck, expectCode, expectVerdict, alsoFailing } = fixture;
  return { file, from: from.slice('fixtures/bundles/'.length), description, summary, expectCheck, expectCode, expectVerdict, alsoFailing };
}

// --- the ways of tampering ----------------------------------------------------------------------

const out = (bundle: ProofBundle): string => serializeBundle(bundle);

/** sha256 of a model answer that was never given: what a forged receipt claims. */
function otherAnswerHash(): ReturnType<typeof sha256> {
  return sha256(canonicalBytes({ category: 'account', confidence: 0.99, recommended_queue: 'tier2', rationale: 'forged' }));
}

/** Index in `bundle.records` of the first proposal record matching `pick`. */
function recordIndexOfProposal(bundle: ProofBundle, pick: (r: RecordPayload & { kind: 'proposal' }) => boolean): number {
  const records = recordsOf(bundle);
  const i = records.findIndex((r) => r.kind === 'proposal' && pick(r));
  if (i < 0) throw new Error('no proposal record matches');
  return i;
}

/** The demo keys with their validity windows opened, so the runtime signs at any time (the keys are the same). */
function unboundedDemoKeyring(): Keyring {
  return { ...KEYRING, keys: KEYRING.keys.map(({ validUntil: _u, ...k }) => ({ ...k, validFrom: '2000-01-01T00:00:00Z' })) };
}

/** The tiny example's job (same ticket, WPC, model, approvals and seed) run again from `start`. */
async function rerunTiny(root: string, start: string): Promise<string> {
  const spec = DEMO_BUNDLES.find((s) => s.file === TINY);
  if (spec === undefined || spec.ticketIds === undefined) throw new Error(`${TINY} is not a demo bundle with chosen tickets`);
  const ids = spec.ticketIds;
  const imported = importZendeskExport(parseStrictJson(await readFile(join(root, 'fixtures/tickets/sample-tickets.json'))));
  const tickets = imported.tickets.filter((t) => ids.includes(t.id));
  const { bundle } = await runJob({
    wpc: parseStrictJson(await readFile(join(root, spec.policy))),
    tickets,
    model: getModel(spec.model),
    keyring: unboundedDemoKeyring(),
    seed: spec.seed,
    start,
    approvals: spec.approvals,
  });
  return out(bundle);
}

// --- README -------------------------------------------------------------------------------------

function readme(): string {
  const rows = TAMPERED_FIXTURES.map(readmeRow);
  return [
    '# Tampered demo bundles',
    '',
    'Each file is one good demo bundle of `fixtures/bundles/` changed in one way. Verify them against',
    '`fixtures/trust/demo-trust-root.json`: none is valid, and the verifier names the check and the code',
    'below (the check\'s `code`: its first failing issue). Where a change must get past the signature',
    'checks to reach the check it is aimed at, the changed parts were signed again with the **published',
    'demo keys** (fixtures/keys/demo-keyring.json), as a dishonest holder of those keys would, so that',
    'check, not a signature, catches it. "Also failing" lists every other check that fails on the file',
    '(a change often shows in more than one place); "made from" is the good bundle it started from.',
    '',
    'Made by `npm run fixtures:tampered` (scripts/make-tampered-fixtures.ts; the ways of tampering are in',
    'scripts/tampered-fixtures.ts) from the committed good bundles; regenerating writes the same bytes,',
    'and test/verify/tampered-fixtures.test.ts checks both the bytes and every verdict. `index.json` holds',
    'the same table for programs: `[{file, from, description, summary, expectCheck, expectCode, expectVerdict, alsoFailing}]`',
    '("in plain words", the summary, is what the app\'s demo list shows).',
    '',
    '| file | failing check | code | verdict | also failing | made from | what was done | in plain words |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
