/** The browser lays boxes out in fractions of a pixel; less than this is rounding, not hidden. */
const ROUNDING_PX = 1;

/** Of what shows, at most this share scrolls away on one tap, so that nothing passes unseen. */
const MOST_OF_A_SCREEN = 0.75;

/**
 * How many pixels of content end below what a visitor can see: below the window, or under the
 * footer that stays at the bottom of it. 0 when the end shows.
 */
export function hiddenBelow(endBottom: number, viewportHeight: number, footerTop: number = viewportHeight): number {
  const hidden = endBottom - Math.min(viewportHeight, footerTop);
  return hidden > ROUNDING_PX ? Math.ceil(hidden) : 0;
}

/**
 * How far one tap on "more below" scrolls down: until the end shows with a little room under
 * it, but on a list longer than the screen only most of a screen at a time, so that the
 * options in between are seen too.
 */
export function revealDistance(hidden: number, visibleHeight: number, room: number): number {
  if (hidden <= 0) return 0;
  return Math.min(hidden + room, Math.max(1, Math.floor(visibleHeight * MOST_OF_A_SCREEN)));
}
