/** The CST's fixed names (shared by the minter and the checks every consumer runs). */
export const CST_ISSUER = 'clawscope';
/** Who accepts the token: the receipting proxy and the harness's tool gateway. */
export const CST_AUDIENCE = 'clawproxy';
/** Default lifetime: long enough for a large backlog under tight rate limits, bounded all the same. */
export const DEFAULT_CST_TTL_SECONDS = 24 * 60 * 60;
export const MAX_CST_TTL_SECONDS = 7 * 24 * 60 * 60;

/** `sub` of a job's token: the job it is bound to. */
export function cstSubject(jobId: string): string {
  return `job:${jobId}`;
}
