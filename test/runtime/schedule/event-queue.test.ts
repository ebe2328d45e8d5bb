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
