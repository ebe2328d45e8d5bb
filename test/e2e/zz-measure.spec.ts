import { test } from '@playwright/test';
import { fixtureBundles, openVerify, verifyDemo } from './support/app-page.js';
const { good, tampered } = fixtureBundles();
test.use({ viewport: { width: 1024, height: 768 } });
for (const name of ['receipt-removed.clawproof', 'signed-by-unknown-key.clawproof', 'tiny-example.clawproof']) {
  test(`measure ${name}`, async ({ page }) => {
    const b = [...good, ...tampered].find((x) => x.name === name)!;
    await openVerify(page);
    await verifyDemo(page, b);
    await page.waitForTimeout(300);
    const info = await page.evaluate(() => {
      const r = (sel: string) => { const e = document.querySelector(sel); if (!e) return null; const b = e.getBoundingClientRect(); return [Math.round(b.top), Math.round(b.bottom)]; };
      return { scrollY: window.scrollY, banner: r('[data-verdict]'), facts: r('.facts'), tabs: r('[role=tablist]'), firstRow: r('[data-check]'), firstSummary: r('[data-check] summary'), header: r('header') };
    });
    console.log(name, JSON.stringify(info));
    await page.screenshot({ path: `.tmp/${name}.png` });
  });
}
