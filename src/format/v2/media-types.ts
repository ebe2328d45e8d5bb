/**
 * Names of proof bundle format v2 (docs/design/format-v2.md): JSON Lines, one RFC 8785 canonical
 * object a line. Receipts and approvals keep their v1 payload types with a v2 payload (`v` 2,
 * re-signed: a receipt without `prev`, an approval over the proposal line's hash); tree heads have their own type, so a
 * head can never be taken for any other signed statement.
 */
export { PAYLOAD_TYPES } from '../../core/bundle/media-types.js';

export const BUNDLE_V2_MEDIA_TYPE = 'application/vnd.clawproof.bundle.v2+jsonl';
export const BUNDLE_V2_VERSION = 2;
export const TREE_HEAD_PAYLOAD_TYPE = 'application/vnd.clawproof.tree-head+json';

/** The services that sign a tree head, in the order their heads close the file. */
export const TREE_HEAD_SERVICES = ['proxy', 'harness'] as const;
export type TreeHeadService = (typeof TREE_HEAD_SERVICES)[number];
