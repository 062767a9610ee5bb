import { useLayoutEffect, useState, type RefObject } from 'react';
import { hiddenBelow, revealDistance } from './hidden-below';

interface Props {
  /** The content whose end a visitor should know is further down, such as a list of options. */
  end: RefObject<HTMLElement | null>;
  label: string;
}

/** Room left under the end once it has been scrolled into view, and above the footer for the cue. */
const ROOM_PX = 16;

/** The footer with a screen's buttons stays at the bottom of the window and covers what is under it. */
function footerOf(element: HTMLElement): HTMLElement | null {
  return element.closest('.kiosk')?.querySelector<HTMLElement>('.kiosk__footer') ?? null;
}

function hiddenPart(element: HTMLElement) {
  const viewport = document.documentElement.clientHeight;
  const footerTop = footerOf(element)?.getBoundingClientRect().top ?? viewport;
  return { hidden: hiddenBelow(element.getBoundingClientRect().bottom, viewport, footerTop), visible: Math.min(viewport, footerTop) };
}

/**
 * "More below ↓" just above the footer while the end of the content is under it; a tap scrolls
 * down, and the cue goes once the end shows. Hidden from screen readers and out of the tab order:
 * they reach every option in the page itself, and focusing one scrolls it into view.
 */
export function MoreBelowCue({ end, label }: Props) {
  const [cue, setCue] = useState<{ more: boolean; lift: number }>({ more: false, lift: 0 });

  useLayoutEffect(() => {
    const element = end.current;
    if (!element) return;
    const footer = footerOf(element);
    const update = () => {
      const more = hiddenPart(element).hidden > 0;
      const lift = (footer?.offsetHeight ?? 0) + ROOM_PX;
      setCue((previous) => (previous.more === more && previous.lift === lift ? previous : { more, lift }));
    };
    update();
    // Scrolling, turning the tablet, another language's longer words, the font arriving.
    const resized = new ResizeObserver(update);
    for (const observed of [element, footer, document.documentElement]) if (observed) resized.observe(observed);
    window.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      resized.disconnect();
      window.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [end]);

  if (!cue.more) return null;
  const reveal = () => {
    const element = end.current;
    if (!element) return;
    const { hidden, visible } = hiddenPart(element);
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    window.scrollBy({ top: revealDistance(hidden, visible, ROOM_PX), behavior: still ? 'instant' : 'smooth' });
  };
  return (
    <button
      type="button"
      className="button button--secondary more-below"
      style={{ bottom: cue.lift }}
      aria-hidden="true"
      tabIndex={-1}
      // A tap must not leave the focus on a button that is about to go away.
      onMouseDown={(event) => event.preventDefault()}
      onClick={reveal}
    >
      {label}
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="button__icon">
        <path d="M12 4v15M5 12l7 7 7-7" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </button>
  );
}
