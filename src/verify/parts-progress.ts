/**
 * Progress over the signed parts of a bundle: a counter that calls `onPartsChecked` about once
 * per percent (a 100,000-part bundle must not post 100,000 messages to a UI) and at the end.
 * A display that throws never changes a verification.
 */
export interface PartsProgress {
  /** One more part read and its signature checked. */
  tick(): void;
  /** Every part is done: reports checked = total. */
  finish(): void;
}

export function partsProgress(total: number, onPartsChecked: ((checked: number, total: number) => void) | undefined): PartsProgress {
  if (onPartsChecked === undefined || total <= 0) return { tick: () => undefined, finish: () => undefined };
  const step = Math.max(1, Math.floor(total / 100));
  let checked = 0;
  let finished = false;
  const emit = () => {
    try {
      onPartsChecked(checked, total);
    } catch {
      // A progress display that fails must not change a verification.
    }
  };
  return {
    tick() {
      checked = Math.min(total, checked + 1);
      if (checked % step === 0 && checked < total) emit();
    },
    finish() {
      if (finished) return;
      finished = true;
      checked = total;
      emit();
    },
  };
}
