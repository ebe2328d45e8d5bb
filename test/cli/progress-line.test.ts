// src/cli/progress-line.ts: a progress line only on a terminal, rewritten in place, erased at the end.
import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/progress-line.js';

function io(stderrIsTerminal: boolean | undefined) {
  let stderr = '';
  return { io: { stdout: () => undefined, stderr: (t: string) => void (stderr += t), ...(stderrIsTerminal === undefined ? {} : { stderrIsTerminal }) }, stderr: () => stderr };
}

describe('the progress line', () => {
  it('is not drawn when stderr is not a terminal (pipes and logs stay clean)', () => {
    expect(progressLine(io(false).io, 'x')).toBeNull();
    expect(progressLine(io(undefined).io, 'x')).toBeNull();
  });

  it('rewrites one line with parts, then checks, and erases it', () => {
    const t = io(true);
    const line = progressLine(t.io, 'clawproof verify');
    if (line === null) throw new Error('no progress line on a terminal');
    line.onPartsChecked(12_345, 99_258);
    line.onProgress(3, 15, 'model_views');
    line.clear();
    const out = t.stderr();
    expect(out).toContain('\r\u001b[Kclawproof verify: checked 12,345 of 99,258 signed parts (12 %)');
    expect(out).toContain('\r\u001b[Kclawproof verify: 3 of 15 checks done (last: model views)');
    expect(out.endsWith('\r\u001b[K')).toBe(true);
    expect(out).not.toContain('\n');
  });

  it('erases nothing when nothing was drawn', () => {
    const t = io(true);
    progressLine(t.io, 'x')?.clear();
    expect(t.stderr()).toBe('');
  });
});
