/** The simulated runtime's models: `getModel('local')` and the compromised demo model. */
import { bundledClassifier } from './bundled-classifier.js';
import { createCompromisedModel } from './compromised-model.js';
import { createLocalModel } from './local-model.js';
import type { Model, ModelId } from './types.js';

export type { Model, ModelId, ModelOutput, RequestedAction } from './types.js';
export { createLocalModel } from './local-model.js';
export { createCompromisedModel } from './compromised-model.js';

export const MODEL_IDS: readonly ModelId[] = ['local', 'compromised'];

const models = new Map<ModelId, Model>();

/** The model with this id, built once from the bundled classifier. */
export function getModel(id: ModelId): Model {
  if (!MODEL_IDS.includes(id)) throw new Error(`unknown model "${String(id)}"; expected one of ${MODEL_IDS.join(', ')}`);
  let model = models.get(id);
  if (model === undefined) {
    const local = models.get('local') ?? createLocalModel(bundledClassifier());
    models.set('local', local);
    model = id === 'local' ? local : createCompromisedModel(local);
    models.set(id, model);
  }
  return model;
}
