import { describe, expect, it } from 'vitest';
import { commandFor, runCommand, templateProblem } from '../../../src/cli/conformance/external-command.js';

const node = (code: string) => `"${process.execPath}" -e ${JSON.stringify(code)}`;

describe('templateProblem', () => {
  it('asks for both {input} and {trust}; {id} is optional', () => {
    expect(templateProblem('v {input} --trust {trust}')).toBeNull();
    expect(templateProblem('v {input}')).toBe("the command must contain {trust}, where the case's file paths go");
    expect(templateProblem('v')).toBe("the command must contain {input} and {trust}, where the case's file paths go");
  });
});

describe('commandFor and runCommand', () => {
  it('hands the shell paths with spaces, quotes and $ exactly as they are', async () => {
    const values = { input: "/tmp/a b/it's $HOME.clawproof", trust: '/tmp/"root".json', id: 'hostile/x' };
    const command = commandFor(`${node('console.log(JSON.stringify(process.argv.slice(1)))')} {input} {trust} {id}`, values, 'linux');
    const result = await runCommand(command, { timeoutMs: 10_000 });
    expect(result.ok && JSON.parse(result.stdout)).toEqual([values.input, values.trust, values.id]);
  });

  it('quotes for cmd.exe on Windows', () => {
    expect(commandFor('v {input} {trust}', { input: 'C:\\a b\\x.clawproof', trust: 'r.json', id: 'i' }, 'win32')).toBe('v "C:\\a b\\x.clawproof" "r.json"');
  });

  it('returns standard output, the exit status and the end of standard error', async () => {
    const result = await runCommand(node('process.stdout.write("{}"); process.stderr.write("x".repeat(5000) + "END"); process.exitCode = 1'), { timeoutMs: 10_000 });
    expect(result).toMatchObject({ ok: true, stdout: '{}', status: 1 });
    expect(result.ok && result.stderrTail.endsWith('END')).toBe(true);
    expect(result.ok && result.stderrTail.length).toBeLessThanOrEqual(2000);
  });

  it('stops a command that writes more than the limit', async () => {
    const result = await runCommand(node('const b = "x".repeat(65536); const w = () => { while (process.stdout.write(b)); process.stdout.once("drain", w); }; w()'), { timeoutMs: 10_000, maxStdoutBytes: 100_000 });
    expect(result).toEqual({ ok: false, problem: 'the command wrote more than 100000 bytes to standard output' });
  });

  it('stops a command at the time limit, with what it started', async () => {
    const started = Date.now();
    // The shell starts node, which starts a child of its own holding the same output pipe.
    const sleeper = node("require('child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'inherit' }); setTimeout(() => {}, 30000)");
    const result = await runCommand(sleeper, { timeoutMs: 500 });
    expect(result).toEqual({ ok: false, problem: 'the command did not finish within 0.5 s' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('runs a command that does not exist as the shell does: no output, status 127', async () => {
    const result = await runCommand('clawproof-no-such-verifier-here {x}', { timeoutMs: 10_000 });
    expect(result).toMatchObject({ ok: true, stdout: '', status: 127 });
  });
});
