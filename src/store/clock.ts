/** The time the store stamps rows with; tests pass a fixed clock. */
export type Now = () => Date;

export const systemNow: Now = () => new Date();

export function stamp(now: Now): string {
  return now().toISOString();
}
