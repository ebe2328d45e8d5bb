/** The services and running state of one job, shared by the scheduler and the ticket flow. */
import type { ModelResponseEntry, ModelViewEntry, TicketEntry } from '../../core/bundle/types.js';
import type { ApprovalMode } from '../approvals.js';
import type { SimulatedClock } from '../clock.js';
import type { RecordLog } from '../records/record-log.js';
import type { Approver } from '../services/approver.js';
import type { MintedCst } from '../services/cst-minter.js';
import type { ClassifierModel } from '../services/model.js';
import type { ReceiptingProxy } from '../services/proxy.js';
import type { WpcEntry } from '../services/wpc-store.js';
import type { ModelLatency } from '../schedule/options.js';

export interface Degradation {
  readonly at: string;
  readonly reason: string;
}

export interface JobContext {
  readonly jobId: string;
  readonly clock: SimulatedClock;
  readonly wpc: WpcEntry;
  readonly cst: MintedCst;
  readonly model: ClassifierModel;
  readonly log: RecordLog;
  readonly proxy: ReceiptingProxy;
  readonly approver: Approver;
  readonly approvals: ApprovalMode;
  readonly latency: ModelLatency;
  /** The harness's own bound on calls per ticket when the WPC sets none. */
  readonly maxAttempts: number;
  /** Calls per ticket the harness never exceeds, whatever the WPC's cap. */
  readonly attemptCeiling: number;
  degraded: Degradation | null;
  readonly modelViews: ModelViewEntry[];
  readonly modelResponses: ModelResponseEntry[];
}

/** What a finished ticket leaves in the bundle and in the run summary. */
export interface TicketOutcome {
  readonly entry: TicketEntry;
  readonly classified: boolean;
  /** Phase-1 calls applied (the proposal note, labels). */
  readonly annotated: readonly string[];
  /** Phase-2 calls applied, and refused. */
  readonly applied: readonly string[];
  readonly refused: readonly string[];
}
