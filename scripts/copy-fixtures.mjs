// The built library (dist/lib) imports a few fixtures as JSON modules (the sample tickets, the trained
// classifier) with paths relative to src/; tsc does not emit JSON from outside its rootDir, so the
// build copies fixtures/ to dist/fixtures, where those relative paths land.
import { cpSync, rmSync } from 'node:fs';

const root = new URL('..', import.meta.url);
rmSync(new URL('dist/fixtures', root), { recursive: true, force: true });
cpSync(new URL('fixtures', root), new URL('dist/fixtures', root), { recursive: true });
