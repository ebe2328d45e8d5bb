import type { CliCommand, CliOption } from './command.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { fileArgumentsHelp } from './file-arguments.js';

const GLOBAL_OPTIONS: Readonly<Record<string, CliOption>> = {
  help: { type: 'boolean', short: 'h', description: 'Show this help (or `clawproof <command> --help`)' },
  version: { type: 'boolean', short: 'v', description: 'Print the version of clawproof' },
};

export function mainUsage(version: string, commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = [
    `Clawproof ${version}: permissioned agent runs on support tickets, and an offline proof-bundle verifier.`,
    '',
    'Usage: clawproof <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Options:',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    fileArgumentsHelp(),
    '',
    `Exit status: ${EXIT_OK} success, ${EXIT_FAILURE} failure, ${EXIT_USAGE} usage error.`,
  ];
  return lines.join('\n') + '\n';
}

export function commandUsage(command: CliCommand): string {
  const options = { ...command.options, help: { type: 'boolean', short: 'h', description: 'Show this help' } } as const;
  const lines = [
    `Usage: clawproof ${command.synopsis}`,
    '',
    command.description,
    '',
    'Options:',
    ...optionLines(options),
  ];
  return lines.join('\n') + '\n';
}

function optionLines(options: Readonly<Record<string, CliOption>>): string[] {
  const entries = Object.entries(options).map(([name, option]) => {
    const flag = (option.short === undefined ? '    ' : `-${option.short}, `) + `--${name}`;
    const value = option.type === 'string' ? ` ${option.valueName ?? '<value>'}` : '';
    return { left: flag + value, right: option.description };
  });
  const width = Math.max(...entries.map((entry) => entry.left.length));
  return entries.map((entry) => `  ${entry.left.padEnd(width)}  ${entry.right}`);
}
