import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { isSafeFileName } from '../files/file-name.js';
import { MAX_FILE_BYTES, type InvokeChannel, INVOKE_CHANNELS } from './contract.js';
import { desktopError } from './errors.js';

/** Longer than any path a drop can produce on Linux (PATH_MAX) or macOS; Windows long paths aside. */
export const MAX_PATH_LENGTH = 4096;

const fileName = z.string().refine(isSafeFileName, {
  message: 'not a plain file name (no folders, control or bidirectional characters, or names Windows reserves)',
});

const absolutePath = z
  .string()
  .min(1)
  .max(MAX_PATH_LENGTH)
  .refine((path) => !path.includes('\0'), { message: 'the path contains NUL' })
  .refine((path) => isAbsolute(path), { message: 'not an absolute path' });

// UTF-8 is never shorter than the UTF-16 length, so the cheap length check runs first.
const reportContent = z
  .string()
  .max(MAX_FILE_BYTES)
  .refine((text) => Buffer.byteLength(text, 'utf8') <= MAX_FILE_BYTES, { message: `larger than ${MAX_FILE_BYTES} bytes as UTF-8` });

const bundleBytes = z
  .instanceof(Uint8Array, { message: 'not a Uint8Array' })
  .refine((bytes) => bytes.byteLength > 0, { message: 'empty' })
  .refine((bytes) => bytes.byteLength <= MAX_FILE_BYTES, { message: `larger than ${MAX_FILE_BYTES} bytes` });

/** One tuple per channel: exactly these arguments, nothing more, no extra object keys. */
export const ARGUMENT_SCHEMAS = {
  [INVOKE_CHANNELS.openBundle]: z.tuple([]),
  [INVOKE_CHANNELS.readDroppedFile]: z.tuple([absolutePath]),
  [INVOKE_CHANNELS.saveReport]: z.tuple([
    z.strictObject({ format: z.enum(['json', 'html']), content: reportContent, suggestedName: fileName }),
  ]),
  [INVOKE_CHANNELS.saveBundle]: z.tuple([bundleBytes, fileName]),
  [INVOKE_CHANNELS.rendererReady]: z.tuple([]),
} as const satisfies Record<InvokeChannel, z.ZodType>;

export type ChannelArguments<C extends InvokeChannel> = z.infer<(typeof ARGUMENT_SCHEMAS)[C]>;

/**
 * The arguments of an IPC call, checked against the channel's schema. Throws a ClawproofError
 * (DESKTOP_ARGUMENT_INVALID) whose `pointer` says which argument is wrong: `/0/suggestedName`.
 */
export function validateArguments<C extends InvokeChannel>(channel: C, args: readonly unknown[]): ChannelArguments<C> {
  const result = ARGUMENT_SCHEMAS[channel].safeParse(args);
  if (result.success) return result.data as ChannelArguments<C>;
  const issue = result.error.issues[0];
  const path = issue?.path ?? [];
  // RFC 6901: "~" and "/" inside a key are escaped as "~0" and "~1".
  const pointer = path.map((key) => `/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
  const where = pointer === '' ? 'the argument list' : `argument ${pointer}`;
  throw desktopError('DESKTOP_ARGUMENT_INVALID', `Invalid call to ${channel} (${where}): ${issue?.message ?? 'invalid'}.`, {
    pointer,
  });
}
