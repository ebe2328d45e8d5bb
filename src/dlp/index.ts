// Detectors for secrets and PII, and redaction of a ticket into a model view.
// Isomorphic: no DOM and no Node APIs, so the Lab, the verifier and the CLI run the same code.
export { DETECTOR_IDS, PLACEHOLDER_LABELS, FIELD_PLACEHOLDER_LABEL, isDetectorId, detectorKind } from './detector-ids.js';
export type { DetectorId, DetectorKind } from './detector-ids.js';
export { DLP_RULESET_VERSION, RULESET_DETECTOR_IDS } from './ruleset.js';
export { DLP_ERROR_CODES } from './errors.js';
export type { DlpErrorCode } from './errors.js';
export { LITERAL_PLACEHOLDER_LABEL, TRUNCATION_MARKER } from './placeholders.js';
export { scanText } from './scan-text.js';
export { redact } from './redact.js';
export { scanDocument, viewChars } from './scan-document.js';
export type { TextFinding, RedactionConfig, Redaction, Finding, DocumentFinding, JsonObject, JsonValue } from './types.js';
