/**
 * What every check reads: the bundle after structure validation, with each envelope's signature
 * verified ONCE against the trust root (never against keys found in the bundle) and its payload
 * parsed strictly and shape-checked. Checks are pure functions of this context.
 */
import type { DsseSignatureStatus } from '../core/dsse.js';
import type { VerifySignatureOptions } from '../core/ed25519/index.js';
import type { Digest } from '../core/hash.js';
import type { JsonObject } from '../core/json.js';
import type { TrustRoot, TrustRole } from '../core/trust-root.js';
import type {
  ApprovalPayload,
  CstClaims,
  ManifestPayload,
  ModelResponseEntry,
  ModelViewEntry,
  ProofBundle,
  ReceiptPayload,
  RecordPayload,
  TicketEntry,
} from '../core/bundle/types.js';
import type { HeaderLine } from '../format/v2/header-line.js';
import type { CoverageProblem } from '../format/v2/tree-head.js';
import type { TreeHeadPayload } from '../format/v2/signed-lines.js';
import type { NormalizedPolicy, Problem } from '../policy/index.js';
import type { CheckIssue } from './report.js';

export interface VerifyOptions {
  /** Time the CST validity and key windows are judged at; defaults to the bundle's own signing times. */
  readonly now?: Date;
  /** jti -> job id of CSTs seen in OTHER bundles (the Library's cache): reuse is flagged. */
  readonly seenTokens?: ReadonlyMap<string, string>;
  /** Input limits (hostile input): bytes of the bundle document and JSON nesting depth. */
  readonly maxBytes?: number;
  readonly maxDepth?: number;
  /** Called between checks so a UI can show progress; never required. */
  readonly onProgress?: (done: number, total: number, checkId: string) => void;
  /**
   * Called while the signed parts are read and their signatures checked (the longest phase of a
   * large bundle), at most about a hundred times, and once with checked = total; never required.
   */
  readonly onPartsChecked?: (checked: number, total: number) => void;
  /**
   * Ed25519 backend for every signature: a registered name (the CLI registers 'node') or a backend
   * object. Default: WebCrypto when usable, else noble. Every backend gives the same verdicts.
   */
  readonly backend?: VerifySignatureOptions['backend'];
}

/**
 * What became of an envelope's signatures. valid: one verified under a key the trust root lists for
 * the role; invalid: a listed key's signature did not verify; untrusted: no signature names a key
 * listed for the role (its payload is then never interpreted); malformed: the envelope could not be
 * read, or is of the wrong payload type, so nothing was verified.
 */
export type SignatureStatus = 'valid' | 'invalid' | 'untrusted' | 'malformed';

/** One signed envelope of the bundle after verification. */
export interface EnvelopeView<P> {
  /** RFC 6901 pointer of the envelope in the bundle, e.g. `/receipts/3`. */
  readonly pointer: string;
  readonly role: TrustRole;
  /** Key ids named by the envelope's signatures. */
  readonly keyids: readonly string[];
  /** Key ids whose signature verified strictly with a key the trust root lists for `role`. */
  readonly trustedValidKeyids: readonly string[];
  /** True when at least one signature verified with a key trusted for `role` (time window checked by `trust`). */
  readonly signatureOk: boolean;
  /** sha256 of the payload bytes: what `prev`, `proposal_hash` and the like refer to (the bytes are not kept: nothing reads them after this). */
  readonly payloadHash: Digest | null;
  /** Strictly parsed and shape-checked payload; null when it could not be decoded or has the wrong shape. */
  readonly payload: P | null;
  /** Why the payload is null or the envelope is unusable (signature problems are `SIGNATURE_INVALID`). */
  readonly problems: readonly CheckIssue[];
  /** Position in its list (`/receipts/3` has index 3); 0 for the single wpc and manifest. */
  readonly index: number;
  readonly signatureStatus: SignatureStatus;
  /** Each signature in envelope order: valid, invalid, or unknown-key (not listed for `role`). */
  readonly signatures: readonly { readonly keyid: string; readonly status: DsseSignatureStatus }[];
}

export interface CstView {
  readonly pointer: '/cst';
  readonly token: string;
  readonly tokenHash: Digest;
  readonly keyid: string | null;
  readonly signatureOk: boolean;
  readonly signatureStatus: SignatureStatus;
  readonly header: JsonObject | null;
  readonly claims: CstClaims | null;
  readonly problems: readonly CheckIssue[];
}

/** One entry of an unsigned list (model_views, model_responses, tickets), index-aligned with the document. */
export interface ItemView<T> {
  /** RFC 6901 pointer of the entry, e.g. `/tickets/2`. */
  readonly pointer: string;
  readonly index: number;
  /** The entry when it passed the structure check; null otherwise (the structure check says why). */
  readonly value: T | null;
}

export interface WpcView extends EnvelopeView<JsonObject> {
  /** sha256 of the RFC 8785 bytes of the WPC: the policy hash. */
  readonly policyHash: Digest | null;
  /** The normalised policy when the WPC validates; null otherwise (checks that need it then fail). */
  readonly policy: NormalizedPolicy | null;
  /** Every problem validateWpc reported (errors make `policy` null; warnings are kept for the report). */
  readonly wpcProblems: readonly Problem[];
}

export interface VerifyContext {
  /**
   * The bundle with every part that failed the structure check left out, so its types hold:
   * a malformed envelope is replaced by an empty one (its view says why), a non-string CST by '',
   * and model_views, model_responses and tickets keep only well-formed entries. Use the views
   * (and `items` for pointers of unsigned entries) rather than indexes into these arrays.
   */
  readonly bundle: ProofBundle;
  /** The document exactly as parsed (strict JSON): what the manifest's Merkle root is recomputed over. */
  readonly document: JsonObject;
  /** sha256 of the input bytes (canonical bytes for parsed input). */
  readonly bundleHash: Digest;
  /** Problems of the document's own shape (envelope and payload problems are in the views). */
  readonly structureIssues: readonly CheckIssue[];
  readonly items: {
    readonly modelViews: readonly ItemView<ModelViewEntry>[];
    readonly modelResponses: readonly ItemView<ModelResponseEntry>[];
    readonly tickets: readonly ItemView<TicketEntry>[];
  };
  readonly trustRoot: TrustRoot;
  readonly options: VerifyOptions;
  readonly wpc: WpcView;
  readonly cst: CstView;
  readonly receipts: readonly EnvelopeView<ReceiptPayload>[];
  readonly records: readonly EnvelopeView<RecordPayload>[];
  readonly approvals: readonly EnvelopeView<ApprovalPayload>[];
  readonly manifest: EnvelopeView<ManifestPayload>;
  /**
   * Present for a v2 bundle: its header and the two tree heads as checked. The `manifest` view is
   * then the harness head read as one (its job, policy, time, size and root; the header's counts),
   * and records are read only when that head holds.
   */
  readonly v2?: V2Facts;
}

export interface V2Facts {
  readonly header: HeaderLine;
  /** Lines in the file. */
  readonly lines: number;
  readonly proxyHead: TreeHeadView;
  readonly harnessHead: TreeHeadView;
}

/** A v2 tree head after its signature was checked against the trust root and its size and root against the lines present. */
export interface TreeHeadView {
  readonly service: 'proxy' | 'harness';
  /** 1-based line number in the file. */
  readonly line: number;
  readonly payload: TreeHeadPayload;
  readonly keyid: string;
  readonly signatureStatus: Exclude<SignatureStatus, 'malformed'>;
  readonly signatures: readonly { readonly keyid: string; readonly status: DsseSignatureStatus }[];
  readonly trustedValidKeyids: readonly string[];
  /** SIGNATURE_INVALID or SIGNATURE_UNVERIFIED when the signature does not hold. */
  readonly signatureProblems: readonly CheckIssue[];
  /** TREE_SIZE_MISMATCH or TREE_HEAD_MISMATCH: the head is not over exactly the lines present. */
  readonly coverage: readonly CoverageProblem[];
  /** Signed by a trusted key of its service and over exactly the lines present. */
  readonly holds: boolean;
}
