/**
 * The progress line `clawproof verify` draws on a terminal's stderr: signed parts checked, then
 * checks run, rewritten in place (carriage return) and erased when the report is printed. Only
 * on a terminal: a log file or a pipe gets no progress noise.
 */
import type { CliIo } from './command.js';

export interface ProgressLine {
  readonly onPartsChecked: (checked: number, total: number) => void;
  readonly onProgress: (done: number, total: number, checkId: string) => void;
  /** Erases the line (call before printing the report). */
  clear(): void;
}

const ERASE_LINE = '\r\u001b[K';

export function progressLine(io: CliIo, command: string): ProgressLine | null {
  if (io.stderrIsTerminal !== true) return null;
  let drawn = false;
  const draw = (text: string) => {
    io.stderr(`${ERASE_LINE}${command}: ${text}`);
    drawn = true;
  };
  return {
    onPartsChecked: (checked, total) => draw(`checked ${count(checked)} of ${count(total)} signed parts (${percent(checked, total)})`),
    onProgress: (done, total, checkId) => draw(`${count(done)} of ${count(total)} checks done (last: ${checkId.replaceAll('_', ' ')})`),
    clear() {
      if (drawn) io.stderr(ERASE_LINE);
      drawn = false;
    },
  };
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function percent(part: number, total: number): string {
  return `${total === 0 ? 100 : Math.floor((100 * part) / total)} %`;
}
