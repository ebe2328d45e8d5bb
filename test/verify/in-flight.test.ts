// src/verify/in-flight.ts: work started while reading, bounded, results in start order.
import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/verify/in-flight.js';

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('InFlight', () => {
  it('keeps results in the order calls were started, whatever order they finish in', async () => {
    const window = new InFlight<number>(8);
    const calls = [deferred<number>(), deferred<number>(), deferred<number>()];
    for (const call of calls) await window.start(() => call.promise);
    calls[2]!.resolve(2);
    calls[0]!.resolve(0);
    calls[1]!.resolve(1);
    expect(await window.all()).toEqual([0, 1, 2]);
    expect(window.started).toBe(3);
  });

  it('does not start a call past the limit until an earlier one settles', async () => {
    const window = new InFlight<string>(2);
    const first = deferred<string>();
    const second = deferred<string>();
    let thirdStarted = false;
    await window.start(() => first.promise);
    await window.start(() => second.promise);
    const third = window.start(() => {
      thirdStarted = true;
      return Promise.resolve('c');
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(thirdStarted).toBe(false);
    first.resolve('a');
    await third;
    expect(thirdStarted).toBe(true);
    second.resolve('b');
    expect(await window.all()).toEqual(['a', 'b', 'c']);
  });

  it('makes room when a call fails, and all() rejects with that failure (never an unhandled rejection)', async () => {
    const window = new InFlight<number>(1);
    const failing = deferred<number>();
    await window.start(() => failing.promise);
    failing.reject(new Error('backend broke'));
    await window.start(() => Promise.resolve(1));
    await expect(window.all()).rejects.toThrow('backend broke');
  });

  it('refuses a limit below 1', () => {
    expect(() => new InFlight(0)).toThrow(RangeError);
    expect(() => new InFlight(1.5)).toThrow(RangeError);
  });
});

describe('InFlight with callers waiting side by side', () => {
  it('wakes every waiting caller as room appears, none left hanging', async () => {
    const window = new InFlight<number>(1);
    const first = deferred<number>();
    await window.start(() => first.promise);
    const waiting = [window.start(() => Promise.resolve(1)), window.start(() => Promise.resolve(2))];
    first.resolve(0);
    await Promise.all(waiting);
    expect((await window.all()).sort()).toEqual([0, 1, 2]);
  });
});
