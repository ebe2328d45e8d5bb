import type { JsonObject } from '../core/json.js';
import type { DetectorId } from './detector-ids.js';

export type { JsonObject, JsonValue } from '../core/json.js';

/** One detected span in a text: UTF-16 offsets, `start` inclusive, `end` exclusive. */
export interface TextFinding {
  readonly detector: DetectorId;
  readonly kind: 'secret' | 'pii';
  readonly start: number;
  readonly end: number;
}

/** A raw match from one detector, before overlaps are resolved. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface RedactionConfig {
  readonly detectors: readonly DetectorId[];
  /** Dotted paths such as 'requester.email' or 'custom_fields.*'; see field-paths.ts. */
  readonly redactFields: readonly string[];
  /** Most characters (UTF-16 code units) of all string values in the view together. */
  readonly maxChars?: number;
}

/**
 * What was redacted, and where. Never holds the value itself nor any function of it
 * (a hash of a phone number is brute-forceable).
 */
export interface Finding {
  /** `field`: a whole field removed by redactFields; `literal`: source text shaped like a placeholder. */
  readonly detector: DetectorId | 'field' | 'literal';
  readonly kind: 'secret' | 'pii' | 'field' | 'literal';
  /** RFC 6901 JSON Pointer of the field in the input document. */
  readonly pointer: string;
  /** Span in the original field string; a whole non-string field is 0..0. */
  readonly start: number;
  readonly end: number;
  readonly placeholder: string;
}

export interface Redaction {
  readonly view: JsonObject;
  readonly findings: Finding[];
  readonly truncated: boolean;
  /** Total characters of all string values in the view. */
  readonly chars: number;
}

/** A detection in a document, as the verifier's re-check reports it. */
export interface DocumentFinding extends TextFinding {
  readonly pointer: string;
  /** 'name' when the detection is in a member name; `pointer` then addresses that member. */
  readonly part: 'value' | 'name';
}
