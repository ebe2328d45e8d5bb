/**
 * The number a reader counts a bundle part by: `/records/6` is record 7, `/receipts/0` receipt 1
 * (the pointer's index is zero-based; people count from one). Null for a pointer of another shape.
 */
export function partNumber(pointer: string): number | null {
  const match = /^\/(?:records|receipts|approvals)\/(\d+)$/.exec(pointer);
  return match === null ? null : Number(match[1]) + 1;
}
