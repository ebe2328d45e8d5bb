/**
 * The sample set shipped with Clawproof, bundled as JSON so it loads the same way in Node, in
 * the renderer and in a Web Worker (no file system access).
 */
import sampleFile from '../../../fixtures/tickets/sample-tickets.json' with { type: 'json' };
import { loadSampleSet, type SampleSetData } from './sample-set.js';

let cached: SampleSetData | undefined;

/** The bundled sample tickets with their labels; parsed once, then shared (treat as read-only). */
export function getSampleSet(): SampleSetData {
  cached ??= loadSampleSet(sampleFile);
  return cached;
}
