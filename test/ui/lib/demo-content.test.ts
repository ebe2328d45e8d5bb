import { describe, expect, it } from 'vitest';
import { demoBundles } from '../../../src/ui/lib/demo-content.js';
import { DEMO_BUNDLES } from '../../../src/runtime/node/demo-fixtures.js';

describe('the demo bundles the app lists', () => {
  it('are the good demo bundles, each also as its format v2 copy under the group v2, and the tampered ones', () => {
    const listed = demoBundles();
    const good = listed.filter((b) => !b.tampered).map((b) => `${b.group === '' ? '' : `${b.group}/`}${b.name}`);
    const v1 = DEMO_BUNDLES.map((b) => b.file.slice('fixtures/bundles/'.length));
    const v2 = v1.map((f) => `v2/${f.slice(f.lastIndexOf('/') + 1)}`);
    expect(good.sort()).toEqual([...v1, ...v2].sort());
    expect(listed.filter((b) => b.tampered).length).toBeGreaterThan(0);
    // v2 bundles share names with v1's: the list shows their folder.
    for (const b of listed) expect(b.label).toBe(b.group.startsWith('v2') ? `${b.group}/${b.name}` : b.name);
    expect(listed.filter((b) => b.tampered && b.group === 'v2/tampered').length).toBeGreaterThan(0);
  });
});
