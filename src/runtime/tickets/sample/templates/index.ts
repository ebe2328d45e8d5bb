import type { SampleLanguage } from '../types.js';
import { DE } from './de.js';
import { EN } from './en.js';
import { ES } from './es.js';
import { FR } from './fr.js';
import { JA } from './ja.js';
import type { LanguagePhrases } from './types.js';

export type { CategoryPhrases, CredentialContext, LanguagePhrases, PiiContext } from './types.js';

export const PHRASES: Readonly<Record<SampleLanguage, LanguagePhrases>> = { en: EN, de: DE, es: ES, fr: FR, ja: JA };
