/**
 * The trained classifier shipped with Clawproof (fixtures/models/local-classifier.json), bundled
 * as JSON so it loads the same way in Node, the renderer and a Web Worker.
 */
import stored from '../../../fixtures/models/local-classifier.json' with { type: 'json' };
import { classifierFileProblem, fromStoredClassifier, type LocalClassifierFile } from './classifier-file.js';

let cached: LocalClassifierFile | undefined;

export function bundledClassifier(): LocalClassifierFile {
  if (cached === undefined) {
    const file = fromStoredClassifier(stored);
    const problem = classifierFileProblem(file);
    if (problem !== null) throw new Error(`fixtures/models/local-classifier.json is invalid: ${problem}`);
    cached = file as LocalClassifierFile;
  }
  return cached;
}
