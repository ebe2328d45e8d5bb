import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliCommand, CliContext, CliIo, CommandInput } from './command.js';
import { COMMANDS, findCommand } from './commands/index.js';
import { isReadBoundedError } from '../node/read-bounded.js';
import { isUsageError, usageError } from './errors.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { packageInfo } from './package-info.js';
import { commandUsage, mainUsage } from './usage.js';

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // process.stdin is created on first use: only when an argument is `-`.
  stdin: () => ({ stream: process.stdin, fd: 0 }),
  stderrIsTerminal: process.stderr.isTTY === true,
};

/**
 * Runs `clawproof` with the arguments after the program name and resolves with the exit status.
 * It never throws: every failure is printed to stderr and mapped to a status (see exit-codes.ts).
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let context: CliContext;
  try {
    const info = packageInfo();
    context = { io, packageRoot: info.root, version: info.version };
  } catch (error) {
    io.stderr(`clawproof: ${messageOf(error)}\n`);
    return EXIT_FAILURE;
  }

  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(mainUsage(context.version, COMMANDS));
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h') {
    io.stdout(mainUsage(context.version, COMMANDS));
    return EXIT_OK;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${context.version}\n`);
    return EXIT_OK;
  }
  if (first === 'help') return help(rest, context);

  const command = findCommand(first);
  if (command === undefined) {
    const what = first.startsWith('-') ? `Unknown option "${first}".` : `Unknown command "${first}".`;
    io.stderr(`clawproof: ${what}\n\n${mainUsage(context.version, COMMANDS)}`);
    return EXIT_USAGE;
  }
  return runCommand(command, rest, context);
}

function help(args: readonly string[], context: CliContext): number {
  const [name] = args;
  if (name === undefined) {
    context.io.stdout(mainUsage(context.version, COMMANDS));
    return EXIT_OK;
  }
  const command = findCommand(name);
  if (command === undefined || args.length > 1) {
    context.io.stderr(`clawproof: No help for "${args.join(' ')}".\n\n${mainUsage(context.version, COMMANDS)}`);
    return EXIT_USAGE;
  }
  context.io.stdout(commandUsage(command));
  return EXIT_OK;
}

async function runCommand(command: CliCommand, args: readonly string[], context: CliContext): Promise<number> {
  const { io } = context;
  let input: CommandInput;
  try {
    input = parseCommandLine(command, args);
  } catch (error) {
    io.stderr(usageErrorText(command, parseErrorMessage(command, error)));
    return EXIT_USAGE;
  }
  if (input.options['help'] === true) {
    io.stdout(commandUsage(command));
    return EXIT_OK;
  }
  try {
    return await command.run(input, context);
  } catch (error) {
    if (isUsageError(error)) {
      io.stderr(usageErrorText(command, messageOf(error)));
      return EXIT_USAGE;
    }
    // A file that cannot be read (missing, a device, over its limit) is unusable input: status 2.
    if (isReadBoundedError(error)) {
      io.stderr(`clawproof ${command.name}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`clawproof ${command.name}: ${messageOf(error)}\n`);
    return EXIT_FAILURE;
  }
}

function parseCommandLine(command: CliCommand, args: readonly string[]): CommandInput {
  const options: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, option] of Object.entries(command.options)) {
    options[name] = option.short === undefined ? { type: option.type } : { type: option.type, short: option.short };
  }
  // strict: unknown options and missing values are errors, not silently ignored.
  const parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  const maxPositionals = command.maxPositionals ?? 0;
  if (parsed.positionals.length > maxPositionals) {
    throw usageError(`Unexpected argument "${parsed.positionals[maxPositionals] ?? ''}".`);
  }
  const values: Record<string, string | boolean | undefined> = {};
  for (const [name, value] of Object.entries(parsed.values)) {
    // No option is declared with `multiple`, so arrays cannot occur; the check keeps the type honest.
    if (typeof value === 'string' || typeof value === 'boolean') values[name] = value;
  }
  return { options: values, positionals: parsed.positionals };
}

function usageErrorText(command: CliCommand, message: string): string {
  return `clawproof ${command.name}: ${message}\nRun \`clawproof ${command.name} --help\` to see its options.\n`;
}

/** node:util parseArgs messages, reworded for people who did not write the parser. */
function parseErrorMessage(command: CliCommand, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = messageOf(error);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /option '([^']*)'/i.exec(message)?.[1];
    return option === undefined ? 'Unknown option.' : `Unknown option "${option}".`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = /Option '(?:-\w, )?--([^ ']+)/.exec(message)?.[1];
    const option = name === undefined ? undefined : command.options[name];
    if (name === undefined || option === undefined) return message;
    return option.type === 'boolean' ? `Option "--${name}" takes no value.` : `Option "--${name}" needs a value.`;
  }
  return message;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
