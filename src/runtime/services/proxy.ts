/**
 * The receipting proxy (clawproxy): every model call of a job goes through it. Before forwarding
 * a call it checks, failing closed with a typed error:
 *   1. the CST: signature under the scope key, issuer, audience, nbf/exp under the injected
 *      clock, job binding, and the policy-hash pin (checkCst);
 *   2. the policy hash the caller runs under equals the job's pinned hash;
 *   3. the request names the model behind the proxy;
 *   4. fewer than max_model_calls_per_ticket calls were made for the ticket.
 * It then calls the model, scrubs the response with every DLP detector (egress filter: nothing
 * secret leaves in a response either), and signs a receipt chained to the previous one
 * (prev = sha256 of the previous receipt's payload bytes).
 */
import { canonicalBytes, canonicalJson } from '../../core/canonical.js';
import { signDsse, type DsseEnvelope } from '../../core/dsse.js';
import { digestOfJson, sha256, type Digest } from '../../core/hash.js';
import { parseStrictJson, type JsonObject } from '../../core/json.js';
import { PAYLOAD_TYPES } from '../../core/bundle/media-types.js';
import type { ModelRequest, ReceiptPayload } from '../../core/bundle/types.js';
import { DETECTOR_IDS, redact } from '../../dlp/index.js';
import { formatTimestamp, type Clock } from '../clock.js';
import { runtimeError } from '../errors.js';
import { itemId } from '../ids.js';
import type { Signer } from '../keys/keyring.js';
import { checkCst } from './cst-check.js';
import type { ClassifierModel } from './model.js';

export interface ProxyOptions {
  readonly signer: Signer;
  readonly clock: Clock;
  readonly model: ClassifierModel;
  /** The scope key CSTs must be signed with. */
  readonly scopeKey: { readonly keyid: string; readonly publicKey: Uint8Array };
  readonly jobId: string;
  /** The job's pinned policy hash. */
  readonly policyHash: Digest;
  /** The WPC's cst_policy_hash_pin. */
  readonly requirePin: boolean;
  /** max_model_calls_per_ticket, or null when the WPC sets none. */
  readonly maxCallsPerTicket: number | null;
}

export interface ModelCall {
  readonly cst: string;
  /** The policy hash the caller runs under. */
  readonly policyHash: Digest;
  readonly request: ModelRequest;
}

export interface ReceiptedCall {
  readonly receiptId: string;
  readonly receipt: DsseEnvelope;
  readonly payload: ReceiptPayload;
  readonly request: ModelRequest;
  /** The response as delivered: a JSON object, scrubbed, or `{ "error": ... }` when withheld. */
  readonly response: JsonObject;
  /** False when the model failed or its response had to be withheld. */
  readonly delivered: boolean;
}

export class ReceiptingProxy {
  readonly #o: ProxyOptions;
  readonly #receipts: DsseEnvelope[] = [];
  readonly #calls = new Map<number, number>();
  #prev: Digest | null = null;

  constructor(options: ProxyOptions) {
    if (options.signer.role !== 'proxy') {
      throw runtimeError('RUN_INPUT_INVALID', `the proxy signs receipts with the proxy key, not the ${options.signer.role} key`);
    }
    const cap = options.maxCallsPerTicket;
    if (cap !== null && (!Number.isSafeInteger(cap) || cap < 1)) {
      throw runtimeError('RUN_INPUT_INVALID', `max model calls per ticket must be a positive integer, got ${String(cap)}`);
    }
    this.#o = options;
  }

  /** Receipts signed so far, in chain order. */
  get receipts(): readonly DsseEnvelope[] {
    return this.#receipts;
  }

  /** Calls forwarded so far for `ticketId`. */
  callsFor(ticketId: number): number {
    return this.#calls.get(ticketId) ?? 0;
  }

  async call(call: ModelCall): Promise<ReceiptedCall> {
    const o = this.#o;
    const claims = await checkCst(call.cst, {
      scopeKey: o.scopeKey,
      clock: o.clock,
      jobId: o.jobId,
      policyHash: o.policyHash,
      requirePin: o.requirePin,
    });
    if (call.policyHash !== o.policyHash) {
      throw runtimeError('POLICY_HASH_MISMATCH', `the call runs under policy ${String(call.policyHash)}, but the job is pinned to ${o.policyHash}`);
    }
    const request = checkRequest(call.request);
    if (request.model !== o.model.id) {
      throw runtimeError('MODEL_MISMATCH', `the request names model ${JSON.stringify(request.model)}; this proxy fronts ${JSON.stringify(o.model.id)}`);
    }
    const made = this.callsFor(request.ticket_id);
    if (o.maxCallsPerTicket !== null && made >= o.maxCallsPerTicket) {
      throw runtimeError(
        'MODEL_CALL_CAP_REACHED',
        `ticket ${request.ticket_id} already had ${made} model call${made === 1 ? '' : 's'}; max_model_calls_per_ticket is ${o.maxCallsPerTicket}`,
        { details: { ticket_id: request.ticket_id, made, cap: o.maxCallsPerTicket } },
      );
    }
    this.#calls.set(request.ticket_id, made + 1);

    const { response, delivered } = await forward(o.model, request.view);
    const seq = this.#receipts.length;
    const receiptId = itemId('receipt', o.jobId, seq);
    const payload: ReceiptPayload = {
      v: 1,
      receipt_id: receiptId,
      seq,
      job_id: o.jobId,
      ticket_id: request.ticket_id,
      model: request.model,
      request_hash: digestOfJson(request),
      response_hash: digestOfJson(response),
      cst_jti: claims.jti,
      cst_hash: sha256(call.cst),
      policy_hash: o.policyHash,
      at: formatTimestamp(o.clock.now()),
      prev: this.#prev,
    };
    const bytes = canonicalBytes(payload);
    const receipt = signDsse(PAYLOAD_TYPES.receipt, bytes, [o.signer]);
    this.#receipts.push(receipt);
    this.#prev = sha256(bytes);
    return { receiptId, receipt, payload, request, response, delivered };
  }
}

function checkRequest(request: ModelRequest): ModelRequest {
  const ok =
    typeof request === 'object' &&
    request !== null &&
    typeof request.model === 'string' &&
    Number.isSafeInteger(request.ticket_id) &&
    typeof request.view === 'object' &&
    request.view !== null &&
    !Array.isArray(request.view);
  if (!ok) throw runtimeError('RUN_INPUT_INVALID', 'a model request needs a model id, an integer ticket_id and a view object');
  // A private copy: what is hashed is what is forwarded, whatever the caller does afterwards.
  return parseStrictJson(canonicalJson({ model: request.model, ticket_id: request.ticket_id, view: request.view })) as unknown as ModelRequest;
}

/** Calls the model; a failure or an unsafe response becomes a fixed error object (never model text). */
async function forward(model: ClassifierModel, view: JsonObject): Promise<{ response: JsonObject; delivered: boolean }> {
  let raw: unknown;
  try {
    raw = await model.classify(structuredClone(view));
  } catch {
    return { response: { error: 'model_call_failed' }, delivered: false };
  }
  let copy: JsonObject;
  try {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('not an object');
    copy = parseStrictJson(canonicalJson(raw)) as JsonObject;
  } catch {
    return { response: { error: 'response_not_a_json_object' }, delivered: false };
  }
  try {
    return { response: redact(copy, { detectors: DETECTOR_IDS, redactFields: [] }).view, delivered: true };
  } catch {
    return { response: { error: 'response_withheld_by_dlp' }, delivered: false };
  }
}
