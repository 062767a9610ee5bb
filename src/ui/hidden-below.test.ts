import { describe, expect, it } from 'vitest';
import { hiddenBelow, revealDistance } from './hidden-below';

describe('what of a screen is hidden below', () => {
  it('is what reaches under the footer that stays at the bottom of the window', () => {
    expect(hiddenBelow(760, 800, 690)).toBe(70);
  });

  it('is what reaches below the window where there is no footer', () => {
    expect(hiddenBelow(900, 800)).toBe(100);
    expect(hiddenBelow(900, 800, 1000)).toBe(100);
  });

  it('is nothing when the end shows above the footer', () => {
    expect(hiddenBelow(650, 800, 690)).toBe(0);
    expect(hiddenBelow(690, 800, 690)).toBe(0);
  });

  it('counts a fraction of a pixel as layout rounding, not as hidden', () => {
    expect(hiddenBelow(690.6, 800, 690)).toBe(0);
    expect(hiddenBelow(692.2, 800, 690)).toBe(3);
  });
});

describe('how far a tap on "more below" scrolls', () => {
  it('brings the end into view with a little room under it', () => {
    expect(revealDistance(70, 690, 16)).toBe(86);
  });

  it('goes at most three quarters of what shows on a long list, so no option passes unseen', () => {
    expect(revealDistance(2000, 690, 16)).toBe(517);
  });

  it('does not move when nothing is hidden', () => {
    expect(revealDistance(0, 690, 16)).toBe(0);
  });
});
