/** What the v2 encoder throws for input it cannot convert (a v1 bundle that does not hold together). */
import { ClawproofError } from '../../core/errors.js';

export function v2Error(message: string): ClawproofError<'V2_ENCODE_INPUT_INVALID'> {
  return new ClawproofError({ code: 'V2_ENCODE_INPUT_INVALID', message: `v2 encoder: ${message}` });
}
