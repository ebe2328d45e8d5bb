import type { Cause, CheckResult } from '../report.js';

/** Bundle facts the sentences use when known (a report read back from storage has none). */
export interface CauseFacts {
  readonly counts?: Partial<Record<'receipts' | 'records' | 'approvals' | 'model_views' | 'tickets', number>>;
  readonly trustRootName?: string;
}

export function rootCauses(_checks: readonly CheckResult[], _facts: CauseFacts = {}): Cause[] {
  return [];
}
