/**
 * TEST ONLY: the Vite mode of the build test/e2e/support/next-schema-build.ts makes to play "a
 * newer Clawproof" (one schema version more) in the end-to-end test of an upgrade while another
 * tab is open. No production build is made in this mode (see app-store.ts).
 */
export const NEXT_SCHEMA_TEST_MODE = 'e2e-next-schema';
