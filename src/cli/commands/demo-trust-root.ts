/**
 * Where the demo trust root is, as this installation really has it: the path `--trust` hints at
 * when it is missing. Relative to the working directory when it lies below it (a checkout),
 * absolute otherwise (an installed package).
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';

/** The runtime's DEMO_TRUST_ROOT_FILE (a test holds them equal); not imported, so verify does not load the runtime. */
export const DEMO_TRUST_ROOT_FILE = 'fixtures/trust/demo-trust-root.json';

export function demoTrustRootPath(packageRoot: string, cwd = process.cwd()): string | null {
  const absolute = join(packageRoot, DEMO_TRUST_ROOT_FILE);
  if (!existsSync(absolute)) return null;
  const rel = relative(cwd, absolute);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
}

export function demoTrustRootHint(packageRoot: string, cwd = process.cwd()): string {
  const path = demoTrustRootPath(packageRoot, cwd);
  if (path === null) return 'This installation has no demo trust root; use the trust root of the keys you trust.';
  return `To try the demo bundles, use the demo trust root: --trust ${path}\n(demo only: its secret keys are published, so a bundle it verifies proves nothing about who signed it).`;
}
