import { beforeAll, describe, expect, it } from 'vitest';
import { explainDegrade, type DegradeExplanation } from '../../../../src/ui/views/lab/results/degrade-explanation.js';
import { labRun, wpc, type LabRunResult } from '../support.js';

describe('explainDegrade on the spike drill (tight limits: the run degrades)', () => {
  let run: LabRunResult;
  let explanation: DegradeExplanation | null;
  beforeAll(async () => {
    run = await labRun({ wpc: wpc('routing-spike-drill'), model: 'local', tickets: 8 });
    explanation = explainDegrade(run.report);
  });

  it('explains the degrade the run recorded, at its simulated time', () => {
    expect(run.report.degraded).not.toBeNull();
    expect(explanation?.at).toBe(run.report.degraded!.at.slice(11).replace(/Z$/, ''));
    expect(explanation?.headline).toMatch(/^Degraded to classify-only at \d\d:\d\d:\d\d/);
  });

  it('names the limit and the numbers from the limit record, in words', () => {
    const record = run.report.jobLimits.find((l) => l.effect === 'degraded_classify_only')!;
    const [cause, effect] = explanation!.paragraphs;
    expect(cause).toContain(`${record.observed} tickets were waiting to start`);
    expect(cause).toContain(`(max_concurrency: ${record.threshold})`);
    expect(effect).toMatch(/classify-only/);
    expect(effect).toMatch(/no irreversible action/);
  });

  it('counts the writes the degrade refused and the tickets that waited', () => {
    const refused = run.report.tickets.flatMap((t) => t.decisions).filter((d) => d.code === 'DEGRADED_CLASSIFY_ONLY');
    expect(refused.length).toBeGreaterThan(0);
    expect(explanation?.refused).toBe(refused.length);
    expect(explanation?.paragraphs.join(' ')).toContain(`${refused.length} actions on`);
    const waited = run.report.tickets.filter((t) => t.limits.some((l) => l.effect === 'throttled')).length;
    expect(explanation?.heldBack).toBe(waited);
    expect(explanation?.paragraphs.at(-1)).toContain(`The ${waited} tickets “held back”`);
  });

  it('is null for a run that did not degrade', async () => {
    const calm = await labRun({ wpc: wpc('ticket-routing'), model: 'local', tickets: 3 });
    expect(calm.report.degraded).toBeNull();
    expect(explainDegrade(calm.report)).toBeNull();
  });
});
