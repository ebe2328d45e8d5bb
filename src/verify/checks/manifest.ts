/**
 * manifest: the manifest is signed by a harness key of the trust root and closes the bundle: its
 * media type and version are the document's, its counts are the lengths of the lists, its Merkle
 * root (RFC 9162, over every part in the order of src/core/bundle/leaves.ts) is recomputed from
 * the document as read, and its job, policy hash, jti and token hash are this bundle's. Nothing
 * can be dropped, reordered, added or changed without failing here.
 */
import { BUNDLE_MEDIA_TYPE, BUNDLE_VERSION } from '../../core/bundle/media-types.js';
import { bundleMerkleRoot, type BundleBody } from '../../core/bundle/leaves.js';
import type { BundleCounts } from '../../core/bundle/types.js';
import type { TreeHeadView, VerifyContext } from '../context.js';
import type { CheckIssue, CheckResult, Evidence } from '../report.js';
import { LIST_CAPS } from '../document-shape.js';
import { LIST_MEMBERS } from '../schemas/bundle.js';
import { bindingOf } from './binding.js';
import { checkResult, failIssue, plural } from './result.js';
import { treeHeadIssues, treeHeadSummary } from './tree-heads.js';

const POINTER = '/manifest';

export function checkManifest(ctx: VerifyContext): CheckResult {
  if (ctx.v2 !== undefined) return checkHarnessHead(ctx, ctx.v2.harnessHead);
  const view = ctx.manifest;
  const issues: CheckIssue[] = [...view.problems];
  const m = view.payload;
  const evidence: Evidence[] = [{ pointer: POINTER, ...(view.trustedValidKeyids[0] === undefined ? {} : { keyid: view.trustedValidKeyids[0] }) }];
  if (m === null) {
    return checkResult('manifest', issues, evidence, 'The manifest could not be read, so nothing in the bundle is committed to.');
  }
  const at = (payloadPointer: string, expected: string, actual: string): Evidence => ({ pointer: POINTER, payloadPointer, expected, actual });
  const doc = ctx.document;
  if (m.bundle_media_type !== BUNDLE_MEDIA_TYPE || doc.mediaType !== m.bundle_media_type) {
    issues.push(failIssue('MANIFEST_MEDIA_TYPE_MISMATCH', `the manifest is for a ${m.bundle_media_type} document; this one is ${String(doc.mediaType)} (this verifier reads ${BUNDLE_MEDIA_TYPE})`, at('/bundle_media_type', BUNDLE_MEDIA_TYPE, m.bundle_media_type)));
  }
  if (m.bundle_version !== BUNDLE_VERSION || doc.version !== m.bundle_version) {
    issues.push(failIssue('MANIFEST_VERSION_MISMATCH', `the manifest is for bundle version ${m.bundle_version}; this document is version ${String(doc.version)}`, at('/bundle_version', String(BUNDLE_VERSION), String(m.bundle_version))));
  }
  for (const name of LIST_MEMBERS) {
    const list = doc[name];
    const actual = Array.isArray(list) ? list.length : 0;
    const declared = m.counts[name as keyof BundleCounts];
    if (declared !== actual) {
      issues.push(failIssue('MANIFEST_COUNT_MISMATCH', `the manifest commits to ${declared} ${name}; the bundle holds ${actual}`, { pointer: `/${name}`, payloadPointer: `/counts/${name}`, expected: String(declared), actual: String(actual) }));
    }
  }
  const recomputed = merkleRoot(ctx);
  if (recomputed === null) {
    issues.push(failIssue('MERKLE_ROOT_UNCHECKABLE', 'the Merkle root is not recomputed: parts of the bundle are missing or malformed (see structure), so nothing is committed to', { pointer: POINTER, payloadPointer: '/merkle_root' }));
  } else {
    evidence.push({ pointer: POINTER, note: `Merkle root ${recomputed.root} over ${plural(recomputed.treeSize, 'part')}` });
    if (recomputed.treeSize !== m.tree_size) {
      issues.push(failIssue('MERKLE_ROOT_MISMATCH', `the manifest commits to ${m.tree_size} parts; the bundle has ${recomputed.treeSize}`, at('/tree_size', String(m.tree_size), String(recomputed.treeSize))));
    }
    if (recomputed.root !== m.merkle_root) {
      issues.push(failIssue('MERKLE_ROOT_MISMATCH', 'the Merkle root over the bundle\'s parts is not the one the manifest signs: a part was changed, dropped, reordered or added', at('/merkle_root', m.merkle_root, recomputed.root)));
    }
  }
  const b = bindingOf(ctx);
  const bound: [string, string | null, string, string][] = [
    ['job_id', ctx.cst.claims?.job_id ?? null, m.job_id, "the CST's job"],
    ['cst_jti', ctx.cst.claims?.jti ?? null, m.cst_jti, "the CST's jti"],
    ['cst_hash', b.cstHash, m.cst_hash, "the sha256 of the bundle's CST"],
  ];
  for (const [field, expected, actual, what] of bound) {
    if (expected !== null && expected !== actual) {
      issues.push(failIssue('MANIFEST_BINDING_MISMATCH', `the manifest's ${field} is ${actual}, not ${what} ${expected}`, at(`/${field}`, expected, actual)));
    }
  }
  const last = ctx.records[ctx.records.length - 1]?.payload;
  if (last?.kind === 'job_end' && last.at !== m.created_at) {
    issues.push(failIssue('MANIFEST_TIME_MISMATCH', `the manifest was created at ${m.created_at}, but the job ended at ${last.at}: it closes another run`, at('/created_at', last.at, m.created_at)));
  }
  if (b.policyHash !== null && m.policy_hash !== b.policyHash) {
    issues.push(failIssue('POLICY_HASH_MISMATCH', `the manifest names policy ${m.policy_hash}, but the bundle's WPC hashes to ${b.policyHash}`, at('/policy_hash', b.policyHash, m.policy_hash)));
  }
  const message =
    issues.length === 0
      ? `The manifest is signed by a trusted harness key and commits to exactly these ${plural(m.tree_size, 'part')}: counts, Merkle root, job, CST and policy all match.`
      : `${plural(issues.length, 'problem')} with the manifest: the bundle is not the one it commits to.`;
  return checkResult('manifest', issues, evidence, message);
}

/** v2: the harness tree head closes the file as the manifest closes a v1 bundle. */
function checkHarnessHead(ctx: VerifyContext, head: TreeHeadView): CheckResult {
  const issues = treeHeadIssues(ctx, head, POINTER);
  const evidence: Evidence[] = [{ pointer: POINTER, keyid: head.keyid, note: `line ${head.line}: the harness tree head over ${plural(head.payload.size, 'line')}, root ${head.payload.root_hash}` }];
  const message =
    issues.length === 0
      ? `The file is closed by the harness: ${treeHeadSummary(head, 'line')} before it, for this job and policy.`
      : `${plural(issues.length, 'problem')} with the harness tree head: the file is not the one the harness closed, so no record in it is read.`;
  return checkResult('manifest', issues, evidence, message);
}

/**
 * RFC 9162 root over the document's parts as read; null when a part is missing, a list is not one
 * or is over its cap, or a part is malformed. A malformed bundle already fails; not hashing its
 * parts keeps a document of millions of tiny junk entries from costing millions of hashes.
 */
function merkleRoot(ctx: VerifyContext): { root: string; treeSize: number } | null {
  const doc = ctx.document;
  if (!Object.hasOwn(doc, 'wpc') || !Object.hasOwn(doc, 'cst')) return null;
  for (const name of LIST_MEMBERS) {
    const list = doc[name];
    if (!Array.isArray(list) || list.length > LIST_CAPS[name]) return null;
  }
  const views = [ctx.wpc, ...ctx.receipts, ...ctx.records, ...ctx.approvals];
  if (views.some((v) => v.signatureStatus === 'malformed' && v.problems.some((p) => p.code === 'ENVELOPE_MALFORMED'))) return null;
  const { modelViews, modelResponses, tickets } = ctx.items;
  if ([...modelViews, ...modelResponses, ...tickets].some((item) => item.value === null)) return null;
  try {
    return bundleMerkleRoot(doc as unknown as BundleBody);
  } catch {
    return null;
  }
}
