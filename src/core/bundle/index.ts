export * from './media-types.js';
export * from './types.js';
export * from './leaves.js';
