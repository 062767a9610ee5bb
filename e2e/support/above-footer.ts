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

/** The element shows whole, above the footer, without scrolling. */
export async function expectAboveFooter(target: Locator, what: string): Promise<void> {
  await expect.poll(() => fullyShown(target), { message: `${what} shows whole, above the footer` }).toBe(true);
}

/**
 * On a question screen as a visitor first sees it (scrolled to the top), every option shows
 * above the footer; or, where the list goes on under it, the "more below" cue shows, and a tap
 * on it brings the last option into view and the cue goes.
 */
export async function expectEveryOptionReachable(page: Page, moreBelow: Locator, screen: string): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    window.scrollTo({ top: 0, behavior: 'instant' });
  });
  const options = page.locator('label.choice');
  expect(await options.count(), `options on ${screen}`).toBeGreaterThan(0);
  const hidden: string[] = [];
  for (const option of await options.all()) {
    if (!(await fullyShown(option))) hidden.push((await option.innerText()).trim());
  }
  if (hidden.length === 0) {
    await expect(moreBelow, `no "more below" on ${screen}, where every option shows`).toHaveCount(0);
    return;
  }
  await expect(moreBelow, `"more below" on ${screen}, where ${hidden.join(', ')} do not show`).toBeVisible();
  await expectAboveFooter(moreBelow, `"more below" on ${screen}`);
  await moreBelow.click();
  await expectAboveFooter(options.last(), `the last option on ${screen} after a tap on "more below"`);
  await expect(moreBelow, `"more below" on ${screen} once the last option shows`).toHaveCount(0);
}
