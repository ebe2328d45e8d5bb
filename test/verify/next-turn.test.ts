import { describe, expect, it, vi } from 'vitest';
import { nextTurn } from '../../src/verify/next-turn.js';

describe('nextTurn', () => {
  it('resolves after what the event loop already had queued (a turn, not a microtask)', async () => {
    const seen: string[] = [];
    const queued = new Promise<void>((resolve) => setImmediate(() => (seen.push('queued'), resolve())));
    await nextTurn();
    seen.push('turn');
    await queued;
    expect(seen).toEqual(['queued', 'turn']);
  });

  it('takes its turn through a MessageChannel where the platform has no setImmediate (a browser)', async () => {
    const saved = { immediate: globalThis.setImmediate, channel: globalThis.MessageChannel };
    let channels = 0;
    try {
      // @ts-expect-error: removed to stand in for a browser
      delete globalThis.setImmediate;
      globalThis.MessageChannel = class extends saved.channel {
        constructor() {
          super();
          channels++;
        }
      };
      vi.resetModules(); // evaluated afresh, so it looks for setImmediate again
      const { nextTurn: inBrowser } = await import('../../src/verify/next-turn.js');
      const timer = new Promise<string>((resolve) => setTimeout(() => resolve('timer'), 50));
      expect(await Promise.race([inBrowser().then(() => 'turn'), timer])).toBe('turn');
      expect(channels).toBe(1);
    } finally {
      globalThis.setImmediate = saved.immediate;
      globalThis.MessageChannel = saved.channel;
    }
  });
});
