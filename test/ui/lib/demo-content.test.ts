import { describe, expect, it } from 'vitest';
import { demoBundles } from '../../../src/ui/lib/demo-content.js';
import { DEMO_BUNDLES } from '../../../src/runtime/node/demo-fixtures.js';

describe('the demo bundles the app lists', () => {
  it('are the good demo bundles and the tampered ones, not the format v2 copies in fixtures/bundles/v2', () => {
    const listed = demoBundles();
    expect(listed.filter((b) => b.group === 'v2')).toEqual([]);
    const good = listed.filter((b) => !b.tampered).map((b) => `${b.group === '' ? '' : `${b.group}/`}${b.name}`);
    expect(good.sort()).toEqual(DEMO_BUNDLES.map((b) => b.file.slice('fixtures/bundles/'.length)).sort());
    expect(listed.filter((b) => b.tampered).length).toBeGreaterThan(0);
  });
});
