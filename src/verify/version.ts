/**
 * The verifier's version, written into every report. A constant (not a read of package.json) so
 * the same code runs in Node, in the browser bundle and in a worker; a test pins it to
 * package.json's version.
 */
export const VERIFIER_VERSION = '0.1.0';
