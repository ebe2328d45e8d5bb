import { afterEach, describe, expect, it } from 'vitest';
import { getDesktopApi } from '../../src/ui/desktop/api.js';

const host = globalThis as { clawproofDesktop?: unknown };

function fullApi(): Record<string, () => void> {
  const noop = () => undefined;
  return { openBundle: noop, readDroppedFile: noop, saveReport: noop, saveBundle: noop, onOpenFile: noop, onMenuCommand: noop };
}

afterEach(() => {
  delete host.clawproofDesktop;
});

describe('getDesktopApi', () => {
  it('is null in a browser, where the preload never ran', () => {
    expect(getDesktopApi()).toBeNull();
  });

  it('returns the object the preload exposed', () => {
    const api = fullApi();
    host.clawproofDesktop = api;
    expect(getDesktopApi()).toBe(api);
  });

  it.each(['openBundle', 'readDroppedFile', 'saveReport', 'saveBundle', 'onOpenFile', 'onMenuCommand'])(
    'is null when %s is missing, rather than failing later',
    (method) => {
      const api = fullApi();
      delete api[method];
      host.clawproofDesktop = api;
      expect(getDesktopApi()).toBeNull();
    },
  );

  it.each([null, 'desktop', 1, true, { openBundle: 'not a function' }])('is null for %j', (value) => {
    host.clawproofDesktop = value;
    expect(getDesktopApi()).toBeNull();
  });
});
