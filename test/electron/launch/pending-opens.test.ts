import { describe, expect, it } from 'vitest';
import { PendingOpens } from '../../../electron/launch/pending-opens.js';

function setup(limit?: number) {
  const delivered: string[] = [];
  const pending = new PendingOpens((path) => delivered.push(path), limit);
  return { delivered, pending };
}

describe('PendingOpens', () => {
  it('holds files until the page listens, then delivers them in order', () => {
    const { delivered, pending } = setup();
    pending.add('/a.clawproof');
    pending.add('/b.clawproof');
    expect(delivered).toEqual([]);
    expect(pending.size).toBe(2);
    pending.markReady();
    expect(delivered).toEqual(['/a.clawproof', '/b.clawproof']);
    expect(pending.size).toBe(0);
  });

  it('delivers at once while the page listens', () => {
    const { delivered, pending } = setup();
    pending.markReady();
    pending.add('/c.clawproof');
    expect(delivered).toEqual(['/c.clawproof']);
  });

  it('holds again while the page reloads, and delivers each file once', () => {
    const { delivered, pending } = setup();
    pending.markReady();
    pending.add('/1.clawproof');
    pending.markNotReady();
    pending.add('/2.clawproof');
    expect(delivered).toEqual(['/1.clawproof']);
    pending.markReady();
    pending.markReady();
    expect(delivered).toEqual(['/1.clawproof', '/2.clawproof']);
  });

  it('keeps only the latest files when flooded while nobody listens', () => {
    const { delivered, pending } = setup(3);
    for (const name of ['a', 'b', 'c', 'd', 'e']) pending.add(`/${name}.clawproof`);
    expect(pending.size).toBe(3);
    pending.markReady();
    expect(delivered).toEqual(['/c.clawproof', '/d.clawproof', '/e.clawproof']);
  });
});
