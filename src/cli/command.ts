/** The contract every `clawproof <command>` implements; the registry is commands/index.ts. */
import type { StdinSource } from '../node/read-bounded.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Standard input, for a file argument given as `-` (absent: `-` is a file of that name). */
  readonly stdin?: () => StdinSource;
  /** True when stderr is a terminal: long commands then draw a progress line there. */
  readonly stderrIsTerminal?: boolean;
}

export interface CliContext {
  readonly io: CliIo;
  /** Absolute path of the clawproof package (where dist/ lives). */
  readonly packageRoot: string;
  readonly version: string;
}

export interface CliOption {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** Placeholder shown in help for string options, e.g. `<number>`. */
  readonly valueName?: string;
  readonly description: string;
}

/** Option values as node:util parseArgs returns them; each command validates its own. */
export type OptionValues = Readonly<Record<string, string | boolean | undefined>>;

export interface CommandInput {
  readonly options: OptionValues;
  readonly positionals: readonly string[];
}

export interface CliCommand {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Synopsis after `clawproof`, e.g. `serve [options]`. */
  readonly synopsis: string;
  /** A paragraph for `clawproof <command> --help`. */
  readonly description: string;
  readonly options: Readonly<Record<string, CliOption>>;
  /** Largest number of positional arguments accepted (default 0). */
  readonly maxPositionals?: number;
  /** Resolves with the exit status once the command is done (for `serve`, when it is stopped). */
  run(input: CommandInput, context: CliContext): Promise<number>;
}
