#!/usr/bin/env node
// The `clawproof` command. The code lives in dist/lib/cli, compiled from src/cli by `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/lib/cli/main.js', import.meta.url);

if (!existsSync(entry)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(
    `clawproof: the command is not built yet (${fileURLToPath(entry)} is missing).\n` +
      `Run \`npm run build\` in ${root} first.\n`,
  );
  process.exit(1);
}

const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
