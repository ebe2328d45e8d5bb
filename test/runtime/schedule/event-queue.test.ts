import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../../src/runtime/schedule/event-queue.js';

describe('EventQueue', () => {
  it('pops by time, and events at one time in the order they were pushed', () => {
    const q = new EventQueue<string>();
    q.push(5, 'c');
    q.push(1, 'a');
    q.push(5, 'd');
    q.push(1, 'b');
    q.push(3, 'x');
    const out: string[] = [];
    while (q.size > 0) out.push(q.pop()!.event);
    expect(out).toEqual(['a', 'b', 'x', 'c', 'd']);
    expect(q.peekTime()).toBeUndefined();
  });
});

describe('EventQueue ordering at scale', () => {
  it('matches a stable sort by time for interleaved pushes and pops', () => {
    const q = new EventQueue<number>();
    const pushed: { time: number; id: number }[] = [];
    const popped: number[] = [];
    let x = 7;
    const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
    for (let id = 0; id < 2000; id++) {
      const time = next() % 50;
      q.push(time, id);
      pushed.push({ time, id });
      if (id % 3 === 2) popped.push(q.pop()!.event);
    }
    while (q.size > 0) popped.push(q.pop()!.event);
    expect(popped).toHaveLength(2000);
    // Popping interleaved with pushing: check each pop is the least (time, id) present at that moment.
    const present = new Map<number, number>();
    let p = 0;
    for (let id = 0; id < 2000; id++) {
      present.set(id, pushed[id]!.time);
      if (id % 3 === 2) {
        const least = [...present.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0])[0]![0];
        expect(popped[p++]).toBe(least);
        present.delete(least);
      }
    }
    const rest = [...present.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0]).map(([id]) => id);
    expect(popped.slice(p)).toEqual(rest);
  });
});
