/**
 * Bundles one browser entry with Vite (library mode, ES) into a temp dir and serves it, with
 * an index.html that loads it, from a node:http server on 127.0.0.1 (a secure context, so
 * WebCrypto is available). Only the page, the entry and the chunks Vite emitted are served.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { build } from 'vite';

export interface ServedBundle {
  readonly url: string;
  close(): Promise<void>;
}

export async function serveBundle(entry: string, root: string): Promise<ServedBundle> {
  const dir = await mkdtemp(join(tmpdir(), 'clawproof-e2e-'));
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      lib: { entry, formats: ['es'], fileName: () => 'bundle.js' },
      outDir: dir,
      emptyOutDir: false,
      copyPublicDir: false,
      target: 'es2022',
      minify: false,
    },
  });
  const files: Record<string, { type: string; body: Buffer }> = {
    '/': {
      type: 'text/html; charset=utf-8',
      body: Buffer.from('<!doctype html><meta charset="utf-8"><title>harness</title><script type="module" src="/bundle.js"></script>'),
    },
  };
  // The entry and every chunk Vite emitted beside it (workers the entry starts are files of their own).
  for (const name of await readdir(dir, { recursive: true })) {
    if (name.endsWith('.js')) files[`/${name.split(sep).join('/')}`] = { type: 'text/javascript; charset=utf-8', body: await readFile(join(dir, name)) };
  }
  const server: Server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://127.0.0.1').pathname];
    if (file === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
