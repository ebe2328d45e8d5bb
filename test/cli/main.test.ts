import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, requireBuilt, runCli } from './built-cli.js';

const packageVersion = (JSON.parse(readFileSync(`${REPO_ROOT}package.json`, 'utf8')) as { version: string }).version;

beforeAll(() => requireBuilt());

describe('clawproof (built command)', () => {
  it('prints usage listing its commands and exits 0 on --help', async () => {
    const result = await runCli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: clawproof <command> \[options\]$/m);
    expect(result.stdout).toMatch(/^ {2}serve {2}/m);
    expect(result.stderr).toBe('');
  });

  it('prints the version from package.json on --version and -v', async () => {
    for (const flag of ['--version', '-v']) {
      const result = await runCli([flag]);
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(`${packageVersion}\n`);
    }
  });

  it('exits 2 with the usage on stderr for an unknown command', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Unknown command "frobnicate"');
    expect(result.stderr).toContain('Usage: clawproof <command>');
  });

  it('exits 2 when no command is given', async () => {
    const result = await runCli([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Usage: clawproof <command>');
  });

  it('exits 2 for an unknown global option', async () => {
    const result = await runCli(['--frob']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown option "--frob"');
  });

  it('shows the help of one command with `help <command>` and `<command> --help`', async () => {
    for (const args of [['help', 'serve'], ['serve', '--help']]) {
      const result = await runCli(args);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^Usage: clawproof serve \[options\]$/m);
      expect(result.stdout).toContain('--port <number>');
    }
  });

  it('lists --format <v1|v2> in the help of run, v1 the default', async () => {
    const result = await runCli(['run', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ {2}\s*--format <v1\|v2> +Bundle format to write: v1, one JSON document \(default\), or v2, JSON Lines$/m);
    expect(result.stdout).toContain('--format v2 writes the same run as format v2');
  });

  it.each([
    [['serve', '--bogus'], 'Unknown option "--bogus"'],
    [['serve', '--port'], 'Option "--port" needs a value'],
    [['serve', '--port', '70000'], '--port must be a whole number from 0 to 65535'],
    [['serve', '--port=-1'], '--port must be a whole number'],
    [['serve', '--port', '80a'], '--port must be a whole number'],
    [['serve', 'extra'], 'Unexpected argument "extra"'],
    [['serve', '--host', '0.0.0.0'], 'not a loopback address'],
    [['serve', '--host', '192.168.1.10'], 'not a loopback address'],
    [['serve', '--host', 'example.com'], 'not a loopback address'],
  ])('exits 2 for `clawproof %j`', async (args, message) => {
    const result = await runCli(args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });
});
