/** How a language's ticket text is described: phrase pools per category, with `{slot}` fillers. */
import type { Category } from '../../catalog.js';

/** One situation a customer writes about: the subject, opening and details that belong together. */
export interface Scenario {
  readonly subjects: readonly string[];
  /** First sentence(s): what happened. */
  readonly openings: readonly string[];
  /** Details specific to this situation. */
  readonly details?: readonly string[];
  /** Requests specific to this situation. */
  readonly asks?: readonly string[];
}

export interface CategoryPhrases {
  readonly scenarios: readonly Scenario[];
  /** Details that fit any scenario of the category. */
  readonly details: readonly string[];
  /** Requests that fit any scenario of the category. */
  readonly asks: readonly string[];
  /** A later comment by the customer. */
  readonly followups: readonly string[];
  /** A one-sentence aside on this topic, dropped into a ticket about something else. */
  readonly asides?: readonly string[];
}

export interface LanguagePhrases {
  readonly greetings: readonly string[];
  readonly closings: readonly string[];
  /** Label before a phone number in a signature (DLP looks for such words). */
  readonly phoneLabels: readonly string[];
  /** Public replies by an agent; `{first}` is the customer's first (or, in Japanese, family) name. */
  readonly agentReplies: readonly string[];
  /** Internal notes by an agent. */
  readonly internalNotes: readonly string[];
  /** Lead-ins for a pasted credential; `{secret}` is replaced by the credential block. */
  readonly credentialLeadIns: Readonly<Record<CredentialContext, readonly string[]>>;
  /** Sentences that carry PII; `{card}`, `{iban}`, `{email2}`, `{address}`, `{phone2}`. */
  readonly piiSentences: Readonly<Record<PiiContext, readonly string[]>>;
  /** Short, low-effort tickets (chat or mobile) for some categories. */
  readonly terse: Partial<Readonly<Record<Category, readonly string[]>>>;
  readonly categories: Partial<Readonly<Record<Category, CategoryPhrases>>>;
}

/** `leak` introduces a credential the customer reports as exposed (security tickets). */
export type CredentialContext = 'config' | 'token' | 'log' | 'key' | 'password' | 'leak';
export type PiiContext = 'card' | 'iban' | 'email2' | 'address' | 'phone2';
