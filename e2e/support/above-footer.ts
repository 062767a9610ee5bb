import { expect, type Locator, type Page } from '@playwright/test';

/** Layout rounds to fractions of a pixel; anything more than this is out of sight. */
const ROUNDING_PX = 1;

/**
 * Whether the whole element shows: inside the window and above the top of the kiosk's footer,
 * which stays at the bottom of the window and covers whatever scrolls under it.
 */
async function fullyShown(target: Locator): Promise<boolean> {
  return target.evaluate((element, rounding) => {
    const box = element.getBoundingClientRect();
    const root = document.documentElement;
    const footer = document.querySelector('.kiosk__footer');
    const visibleBottom = Math.min(root.clientHeight, footer ? footer.getBoundingClientRect().top : Infinity);
    return (
      box.width > 0 &&
      box.height > 0 &&
      box.top >= -rounding &&
      box.left >= -rounding &&
      box.right <= root.clientWidth + rounding &&
      box.bottom <= visibleBottom + rounding
    );
  }, ROUNDING_PX);
}

/**
 * Waits until a smooth scroll has come to rest: the same position at two looks in a row. Looked
 * at from here, not with the page's animation frames, which a test's fake clock holds.
 */
async function settled(page: Page): Promise<void> {
  let last = Number.NaN;
  await expect
    .poll(
      async () => {
        const now = await page.evaluate(() => window.scrollY);
        const still = now === last;
        last = now;
        return still;
      },
      { message: 'the scroll comes to rest', intervals: [100] },
    )
    .toBe(true);
}

/** The element shows whole, above the footer, without scrolling. */
export async function expectAboveFooter(target: Locator, what: string): Promise<void> {
  await expect.poll(() => fullyShown(target), { message: `${what} shows whole, above the footer` }).toBe(true);
}

/**
 * On a question screen as a visitor first sees it (scrolled to the top), every option shows
 * above the footer; or, where the list goes on under it, the "more below" cue shows, and taps on
 * it bring each hidden option into view in turn, until the last shows and the cue goes.
 */
export async function expectEveryOptionReachable(page: Page, moreBelow: Locator, screen: string): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    window.scrollTo({ top: 0, behavior: 'instant' });
  });
  const options = await page.locator('label.choice').all();
  expect(options.length, `options on ${screen}`).toBeGreaterThan(0);
  const unseen = new Map<Locator, string>();
  const look = async () => {
    for (const option of options) if (await fullyShown(option)) unseen.delete(option);
  };
  for (const option of options) unseen.set(option, (await option.innerText()).trim());
  await look();
  if (unseen.size === 0) {
    await expect(moreBelow, `no "more below" on ${screen}, where every option shows`).toHaveCount(0);
    return;
  }
  await expect(moreBelow, `"more below" on ${screen}, where ${[...unseen.values()].join(', ')} do not show`).toBeVisible();
  await expectAboveFooter(moreBelow, `"more below" on ${screen}`);
  // One tap scrolls at most most of a screen: a long list takes several, and no option may be skipped.
  for (let taps = 0; (await moreBelow.count()) > 0; taps++) {
    expect(taps, `taps on "more below" on ${screen}`).toBeLessThan(options.length);
    const before = await page.evaluate(() => window.scrollY);
    await moreBelow.click();
    await expect.poll(() => page.evaluate(() => window.scrollY), { message: `a tap on "more below" on ${screen} scrolls` }).toBeGreaterThan(before);
    await settled(page);
    await look();
  }
  await expectAboveFooter(options.at(-1)!, `the last option on ${screen} after the taps on "more below"`);
  expect([...unseen.values()], `options on ${screen} never shown whole on the way down`).toEqual([]);
}
