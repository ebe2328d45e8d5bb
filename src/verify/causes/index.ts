// Root-cause grouping of a report's failures (group.ts) and the sentences that name them (sentences.ts).
export { rootCauses, type CauseInput } from './group.js';
export { causeSentence, warningSentence, actionPhrase } from './sentences.js';
