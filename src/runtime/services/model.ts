/**
 * What the runtime needs of a model: an id and a classify function over the redacted view.
 * Models are untrusted: whatever they return is checked, scrubbed and receipted by the proxy.
 */
import type { JsonObject } from '../../core/json.js';

export interface ClassifierModel {
  readonly id: string;
  classify(view: JsonObject): unknown;
}
