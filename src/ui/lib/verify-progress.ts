/**
 * What the progress bar shows while a bundle is verified: first the signed parts read and their
 * signatures checked, then the checks. Each phase fills half of the bar (at 10,000 tickets they
 * take about as long as each other), so the bar only ever moves forward.
 */
export interface PartsProgress {
  readonly checked: number;
  readonly total: number;
}

export interface ChecksProgress {
  readonly done: number;
  readonly total: number;
  readonly checkId: string;
}

export interface ProgressView {
  /** 0..1, or null before anything is known. */
  readonly value: number | null;
  readonly detail: string;
}

function fraction(part: number, total: number): number {
  return total <= 0 ? 1 : Math.min(1, Math.max(0, part / total));
}

export function progressView(parts: PartsProgress | null, checks: ChecksProgress | null, reading: boolean, seconds: number): ProgressView {
  const elapsed = seconds >= 2 ? ` · ${seconds} s` : '';
  if (reading) return { value: null, detail: 'reading the file' };
  if (checks !== null && checks.total > 0) {
    return {
      value: 0.5 + 0.5 * fraction(checks.done, checks.total),
      detail: `${checks.done} of ${checks.total} checks done (last: ${checks.checkId.replaceAll('_', ' ')})${elapsed}`,
    };
  }
  if (parts !== null && parts.total > 0) {
    return {
      value: 0.5 * fraction(parts.checked, parts.total),
      detail: `checked ${parts.checked.toLocaleString('en-US')} of ${parts.total.toLocaleString('en-US')} signed parts${elapsed}`,
    };
  }
  return { value: null, detail: `checking signatures${elapsed}` };
}
