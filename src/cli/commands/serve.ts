import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import type { CliCommand, CliContext, CommandInput } from '../command.js';
import { cliError, usageError } from '../errors.js';
import { EXIT_OK } from '../exit-codes.js';
import { formatHostPort, isLoopbackHost } from '../http/loopback.js';
import { createStaticServer } from '../http/static-server.js';

export const DEFAULT_PORT = 4173;
export const DEFAULT_HOST = '127.0.0.1';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: `Serve the web app on this machine (http://${DEFAULT_HOST}:${DEFAULT_PORT}/)`,
  synopsis: 'serve [options]',
  description:
    'Serves the built app (dist/app) over HTTP on a loopback address, so only this machine can open it.\n' +
    'Everything runs in the browser: the server only hands out the app\'s own files. Stop it with Ctrl+C.',
  options: {
    port: { type: 'string', valueName: '<number>', description: `Port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)` },
    host: { type: 'string', valueName: '<address>', description: `Loopback address to listen on (default ${DEFAULT_HOST})` },
    'allow-remote': { type: 'boolean', description: 'Allow --host to be a non-loopback address (reachable from your network)' },
    root: { type: 'string', valueName: '<folder>', description: 'Folder to serve instead of the built app' },
  },
  run: serve,
};

async function serve(input: CommandInput, context: CliContext): Promise<number> {
  const { options } = input;
  const port = parsePort(options['port']);
  const host = parseHost(options['host']);
  const allowRemote = options['allow-remote'] === true;
  if (!allowRemote && !isLoopbackHost(host)) {
    throw usageError(
      `--host ${host} is not a loopback address. Clawproof is meant to be opened on this machine only; ` +
        'pass --allow-remote to serve it to your network anyway.',
    );
  }

  const root = typeof options['root'] === 'string' ? resolve(options['root']) : join(context.packageRoot, 'dist', 'app');
  if (!existsSync(join(root, 'index.html'))) {
    throw cliError(
      'CLI_APP_NOT_BUILT',
      `There is no app to serve: ${join(root, 'index.html')} is missing. Run \`npm run build\` first.`,
    );
  }

  const server = await createStaticServer({ root, allowRemote });
  await listen(server, port, host);
  // Handlers go in before the "running" line, so whoever reads that line can already stop us.
  const stopped = waitForStop(server);
  const address = server.address() as AddressInfo;
  context.io.stdout(`Clawproof is running at http://${formatHostPort(address.address, address.port)}/\n`);
  context.io.stdout('Press Ctrl+C to stop.\n');
  if (!isLoopbackHost(address.address)) {
    context.io.stderr(`Warning: listening on ${address.address}: anyone who can reach this machine can open the app.\n`);
  }
  return stopped;
}

function parsePort(value: string | boolean | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  if (typeof value !== 'string' || !/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw usageError(`--port must be a whole number from 0 to 65535, not "${String(value)}".`);
  }
  return Number(value);
}

function parseHost(value: string | boolean | undefined): string {
  if (value === undefined) return DEFAULT_HOST;
  if (typeof value !== 'string' || value.trim() === '') throw usageError('--host needs an address, e.g. 127.0.0.1.');
  return value;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolveListen, rejectListen) => {
    server.once('error', (error: NodeJS.ErrnoException) => rejectListen(listenError(error, port, host)));
    server.listen({ port, host }, () => resolveListen());
  });
}

function listenError(error: NodeJS.ErrnoException, port: number, host: string): Error {
  const where = formatHostPort(host, port);
  switch (error.code) {
    case 'EADDRINUSE':
      return cliError(
        'CLI_PORT_IN_USE',
        `Port ${port} on ${host} is already in use (is Clawproof already running?). ` +
          'Stop the other program or choose another port with --port.',
        error,
      );
    case 'EACCES':
      return cliError('CLI_LISTEN_FAILED', `Not allowed to listen on ${where}. Ports below 1024 need extra privileges; try --port ${DEFAULT_PORT}.`, error);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return cliError('CLI_LISTEN_FAILED', `Cannot listen on ${where}: "${host}" is not an address of this machine.`, error);
    default:
      return cliError('CLI_LISTEN_FAILED', `Cannot listen on ${where}: ${error.message}`, error);
  }
}

/** Serves until SIGINT or SIGTERM, then closes open connections and resolves with success. */
function waitForStop(server: Server): Promise<number> {
  return new Promise((resolveStop) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close(() => resolveStop(EXIT_OK));
      server.closeAllConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
