/**
 * `npm run conformance -- [options]`: `clawproof conformance` from the sources, without a build
 * (the options are the command's; `npm run conformance -- --help` lists them).
 */
import { main } from '../src/cli/main.js';

// `node -e <code> -- <args>`: process.argv is [node, ...args].
process.exitCode = await main(['conformance', ...process.argv.slice(1)]);
