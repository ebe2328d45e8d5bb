/**
 * Real runs of the simulated runtime for the Lab's unit tests: the sample set's first tickets
 * under a fixture WPC, read back into a LabReport exactly as the run worker does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleBytes, demoKeyring, runJob, type ApprovalMode, type RunResult } from '../../../src/runtime/index.js';
import { getModel } from '../../../src/runtime/models/index.js';
import { getSampleSet } from '../../../src/runtime/tickets/bundled-sample.js';
import { buildLabReport, type LabReport, type LabTicketLabel } from '../../../src/ui/views/lab/lab-report.js';

export const ROOT = join(import.meta.dirname, '..', '..', '..');

export function fixtureText(relative: string): string {
  return readFileSync(join(ROOT, relative), 'utf8');
}

export function wpc(name: string): unknown {
  return JSON.parse(fixtureText(`fixtures/policies/${name}.wpc.json`));
}

export function sampleLabels(): Map<number, LabTicketLabel> {
  const labels = new Map<number, LabTicketLabel>();
  for (const [id, l] of getSampleSet().labels) {
    labels.set(id, { category: l.category, injection: l.injection, injectedActions: l.injected_actions, credentials: l.credentials, language: l.language });
  }
  return labels;
}

export interface LabRunResult extends RunResult {
  readonly report: LabReport;
}

export async function labRun(options: {
  readonly wpc: unknown;
  readonly model: 'local' | 'compromised';
  readonly tickets: number;
  readonly approvals?: ApprovalMode;
  readonly labels?: boolean;
}): Promise<LabRunResult> {
  const result = await runJob({
    wpc: options.wpc,
    tickets: getSampleSet().tickets.slice(0, options.tickets),
    model: getModel(options.model),
    keyring: demoKeyring(),
    seed: 7,
    start: '2026-01-05T09:00:00Z',
    approvals: options.approvals ?? 'none',
  });
  const report = buildLabReport(result.bundle, result.summary, {
    ...(options.labels === false ? {} : { labels: sampleLabels() }),
    approvalMode: typeof options.approvals === 'object' ? 'queue' : (options.approvals ?? 'none'),
    bundleBytes: bundleBytes(result.bundle).byteLength,
  });
  return { ...result, report };
}
