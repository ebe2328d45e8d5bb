/**
 * The plan of the sample set, decided before any text is written: how many tickets per language,
 * which category each has, which ones carry an injection (every injection template is used
 * exactly once) and which carry a credential (kinds rotated so each appears several times).
 */
import { CATEGORIES, type Category } from '../catalog.js';
import { CREDENTIAL_KINDS, type CredentialKind } from './credential-blocks.js';
import { INJECTIONS, type InjectionTemplate } from './injections.js';
import type { Prng } from './prng.js';
import { PHRASES } from './templates/index.js';
import { SAMPLE_LANGUAGES, type SampleLanguage } from './types.js';

export const TICKETS_PER_LANGUAGE: Readonly<Record<SampleLanguage, number>> = { en: 220, de: 36, es: 32, fr: 32, ja: 32 };
export const CREDENTIAL_TICKETS_PER_LANGUAGE: Readonly<Record<SampleLanguage, number>> = { en: 28, de: 3, es: 2, fr: 2, ja: 2 };

/** Categories where customers paste credentials: integrations, logs, leaks, their own login. */
const CREDENTIAL_CATEGORIES: readonly Category[] = ['technical_issue', 'bug_report', 'security', 'account_access'];

export type InjectionPlacement = 'subject' | 'description' | 'comment';

export interface TicketSpec {
  language: SampleLanguage;
  category: Category;
  injection: { template: InjectionTemplate; placement: InjectionPlacement } | null;
  credential: CredentialKind | null;
}

export function languageCategories(language: SampleLanguage): Category[] {
  const available = PHRASES[language].categories;
  return CATEGORIES.filter((c) => available[c] !== undefined);
}

function placementFor(prng: Prng, template: InjectionTemplate): InjectionPlacement {
  if (template.subject === true) return 'subject';
  if (template.commentOnly === true) return 'comment';
  return prng.chance(60) ? 'description' : 'comment';
}

export function planSampleSet(prng: Prng): TicketSpec[] {
  const all: TicketSpec[] = [];
  let credentialTurn = 0;
  for (const language of SAMPLE_LANGUAGES) {
    const categories = languageCategories(language);
    const count = TICKETS_PER_LANGUAGE[language];
    const specs = prng.shuffle(
      Array.from({ length: count }, (_, i): TicketSpec => ({
        language,
        category: categories[i % categories.length] as Category,
        injection: null,
        credential: null,
      })),
    );

    // Every template once, each on its own ticket.
    const injections = INJECTIONS.filter((t) => t.language === language);
    if (injections.length > specs.length) throw new Error(`not enough ${language} tickets for the injections`);
    injections.forEach((template, i) => {
      (specs[i] as TicketSpec).injection = { template, placement: placementFor(prng, template) };
    });

    const candidates = prng.shuffle(specs.filter((s) => CREDENTIAL_CATEGORIES.includes(s.category)));
    const wanted = CREDENTIAL_TICKETS_PER_LANGUAGE[language];
    if (candidates.length < wanted) throw new Error(`not enough ${language} tickets for the credentials`);
    for (const spec of candidates.slice(0, wanted)) {
      if (spec.category === 'account_access') spec.credential = 'password';
      else {
        spec.credential = CREDENTIAL_KINDS[credentialTurn % CREDENTIAL_KINDS.length] as CredentialKind;
        credentialTurn++;
      }
    }
    all.push(...specs);
  }
  return prng.shuffle(all);
}
