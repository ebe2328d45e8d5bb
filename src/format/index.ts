// The report format's vocabulary, at the level of core: the checks, the codes their issues carry,
// and (for the spec's tables) what each means. Imports nothing outside src/format and src/core.
export { CHECK_IDS, CHECK_SCOPES, CHECK_STATUSES, CHECK_TITLES, VERDICTS, type CheckId, type CheckStatus, type Verdict } from './checks.js';
export {
  CHECK_CODES,
  CODES,
  INPUT_CODES,
  SCHEMA_CODES,
  UNKNOWN_SIGNER_CODES,
  codeSpec,
  isCheckCode,
  severitiesIn,
  type CheckCode,
  type CodeSpec,
  type InputCode,
  type IssueSeverity,
  type ResultCode,
  type SchemaCode,
  type UnknownSignerRole,
} from './codes.js';
