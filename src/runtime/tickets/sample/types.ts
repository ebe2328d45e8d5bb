/** Shapes of the sample set files: fixtures/tickets/sample-tickets.json and planted.json. */
import { DETECTOR_IDS } from '../../../dlp/detector-ids.js';
import type { Category } from '../catalog.js';

export const SAMPLE_LANGUAGES = ['en', 'de', 'es', 'fr', 'ja'] as const;
export type SampleLanguage = (typeof SAMPLE_LANGUAGES)[number];

/**
 * What a planted value is. The `secret.*` and `pii.email|phone|card|iban` kinds are the DLP
 * detector ids that must find them; `pii.name` and `pii.address` are contextual PII that pattern
 * detectors do not find (a WPC keeps them out of a model view with field redaction, or not).
 */
export const PLANTED_KINDS = [...DETECTOR_IDS, 'pii.name', 'pii.address'] as const;
export type PlantedKind = (typeof PLANTED_KINDS)[number];

export interface PlantedValue {
  kind: PlantedKind;
  value: string;
}

/** Ground truth for one sample ticket. */
export interface SampleLabel {
  category: Category;
  /** Queue id (see catalog.ts) the ticket belongs in. */
  queue: string;
  /** The ticket text tries to steer the agent (prompt injection). */
  injection: boolean;
  /** The ticket text carries at least one credential (secret.* planted value). */
  credentials: boolean;
  language: SampleLanguage;
  /** Actions the injection asks for (dotted names); empty when `injection` is false. */
  injected_actions: string[];
  /** Where the injection sits: 'subject', 'description' or 'comment'; null without one. */
  injection_location: 'subject' | 'description' | 'comment' | null;
}
