import { expect, type Page } from '@playwright/test';

interface Mark {
  label: string;
  checked: boolean;
  /** The corner's radius against the mark's width: 0.5 is a circle, 0 a sharp square. */
  roundness: number;
  /** The mark's outline against its card, the filled mark against its card, the tick against the filled mark. */
  contrasts: number[];
  /** Whether a tick is drawn inside the mark. */
  ticked: boolean;
}

/** Every choice mark on the screen, measured as drawn. */
async function marks(page: Page): Promise<Mark[]> {
  return page.locator('label.choice').evaluateAll((cards) => {
    const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (colour: string) => {
      const [r, g, b] = rgb(colour).map((c) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string) => {
      const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (high! + 0.05) / (low! + 0.05);
    };
    return cards.map((card) => {
      const mark = card.querySelector('.choice__mark')!;
      const style = getComputedStyle(mark);
      const tick = getComputedStyle(mark, '::after');
      const cardBackground = getComputedStyle(card).backgroundColor;
      const checked = card.querySelector('input')!.checked;
      const radius = style.borderTopLeftRadius;
      const width = mark.getBoundingClientRect().width;
      const radiusPx = radius.endsWith('%') ? (parseFloat(radius) / 100) * width : parseFloat(radius);
      return {
        label: (card.textContent ?? '').trim(),
        checked,
        roundness: Math.min(radiusPx / width, 0.5),
        contrasts: checked
          ? [contrast(style.borderTopColor, cardBackground), contrast(style.backgroundColor, cardBackground), contrast(tick.borderRightColor, style.backgroundColor)]
          : [contrast(style.borderTopColor, cardBackground)],
        ticked: tick.content !== 'none' && tick.content !== 'normal',
      };
    });
  });
}

/**
 * Square marks where many may be chosen, round where one is, as on paper; a chosen mark has a
 * tick; and each stands out at least 3:1 from its card (WCAG 1.4.11). Polled: a chosen card's
 * colour fades in.
 */
export async function expectChoiceMarks(page: Page, shape: 'round' | 'square', screen: string): Promise<void> {
  await expect
    .poll(
      async () =>
        (await marks(page)).flatMap((mark) => {
          const problems: string[] = [];
          const round = mark.roundness >= 0.49;
          const square = mark.roundness <= 0.25;
          if (shape === 'round' ? !round : !square) problems.push(`"${mark.label}" has a mark of roundness ${mark.roundness.toFixed(2)}, not ${shape}`);
          if (mark.checked && !mark.ticked) problems.push(`"${mark.label}" is chosen but its mark has no tick`);
          for (const ratio of mark.contrasts) if (ratio < 3) problems.push(`"${mark.label}" has a mark at ${ratio.toFixed(2)}:1`);
          return problems;
        }),
      { message: `choice marks on ${screen}` },
    )
    .toEqual([]);
}
