/**
 * Everything the Lab holds between visits: the policy being edited, the run settings and the
 * current run. It lives for the page's lifetime (not the view's), so opening a bundle in Verify
 * and coming back finds the Lab as it was, and a run goes on while another view is open.
 */
import { DEFAULT_TEMPLATE_ID, templateById } from './policy/templates.js';
import { LabRun } from './run/lab-run.svelte.js';
import { DEFAULT_LAB_SEED, DEFAULT_LAB_START } from './setup/run-defaults.js';
import type { ImportedSet, LabApprovalMode, LabModelId, SampleInfo } from './run-protocol.js';

export class LabSession {
  templateId = $state(DEFAULT_TEMPLATE_ID);
  text = $state(templateById(DEFAULT_TEMPLATE_ID)?.text ?? '');
  sourceKind: 'sample' | 'import' = $state('sample');
  imported: ImportedSet | null = $state.raw(null);
  /** Run only the first N tickets; null for all. */
  limit: number | null = $state(null);
  sample: SampleInfo | null = $state.raw(null);
  model: LabModelId = $state('local');
  approvals: LabApprovalMode = $state('queue');
  seed: number | null = $state(DEFAULT_LAB_SEED);
  /** Start of the simulated clock: a fixed default, so runs with the defaults are reproducible. */
  start = $state(DEFAULT_LAB_START);
  /** The plain explanation of a degraded run was read and put away (for the rest of the session). */
  degradeExplained = $state(false);
  readonly run = new LabRun();
}

export const labSession = new LabSession();
