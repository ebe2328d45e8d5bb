/**
 * The state of this tab's connection to the Library, for the notice every view shows above its
 * content (components/LibraryConnectionNotice.svelte): waiting for another tab, or let go for a
 * newer Clawproof opened in another tab.
 */
import type { ConnectionState } from '../../store/index.js';

export const libraryConnection: { state: ConnectionState } = $state({ state: { kind: 'opening' } });
