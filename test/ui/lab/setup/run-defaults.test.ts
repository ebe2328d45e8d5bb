/// <reference types="vite/client" />
// (templates.ts imports the policy files with Vite's `?raw`.)
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { parseStrictJson } from '../../../../src/core/json.js';
import { parseTimestamp } from '../../../../src/runtime/clock.js';
import { bundleBytes, demoKeyring, runJob } from '../../../../src/runtime/index.js';
import { getModel } from '../../../../src/runtime/models/index.js';
import { getSampleSet } from '../../../../src/runtime/tickets/bundled-sample.js';
import { DEFAULT_TEMPLATE_ID, templateById } from '../../../../src/ui/views/lab/policy/templates.js';
import { DEFAULT_LAB_SEED, DEFAULT_LAB_START } from '../../../../src/ui/views/lab/setup/run-defaults.js';
import { fixtureText } from '../support.js';

/** A run as the Lab's worker makes it with every option left at its default. */
async function defaultRun(): Promise<Uint8Array> {
  const result = await runJob({
    wpc: parseStrictJson(templateById(DEFAULT_TEMPLATE_ID)!.text),
    tickets: getSampleSet().tickets.slice(0, 12),
    model: getModel('local'),
    keyring: demoKeyring(),
    seed: DEFAULT_LAB_SEED,
    start: DEFAULT_LAB_START,
    approvals: 'none',
  });
  return bundleBytes(result.bundle);
}

describe('the Lab run defaults', () => {
  it('start the simulated clock at the time the README examples use, not at "now"', () => {
    expect(DEFAULT_LAB_START).toBe('2026-01-05T09:00:00Z');
    expect(() => parseTimestamp(DEFAULT_LAB_START, 'start')).not.toThrow();
    expect(fixtureText('README.md')).toContain(`--start ${DEFAULT_LAB_START}`);
  });

  it('use a fixed whole-number seed', () => {
    expect(Number.isSafeInteger(DEFAULT_LAB_SEED) && DEFAULT_LAB_SEED >= 0).toBe(true);
  });

  it('give byte-identical bundles on two runs', async () => {
    const first = await defaultRun();
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a wall-clock second apart
    const second = await defaultRun();
    expect(first.byteLength).toBeGreaterThan(1000);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });
});
