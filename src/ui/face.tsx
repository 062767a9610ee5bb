// Mouth curves from very unhappy (1) to very happy (5): shape, not only colour, tells them apart.
const MOUTHS = ['M20 46 Q32 32 44 46', 'M21 44 Q32 38 43 44', 'M21 42 L43 42', 'M21 40 Q32 47 43 40', 'M19 38 Q32 54 45 38'];
const FILLS = ['#f2b8b5', '#f7d2b0', '#f5e6a8', '#cfe8b8', '#a9dcb0'];

/** One face of the five-point scale; decorative, the word beside it carries the meaning. */
export function Face({ value }: { value: number }) {
  const i = Math.min(Math.max(value, 1), 5) - 1;
  return (
    <svg className="face" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="28" fill={FILLS[i]} stroke="#1a1a1a" strokeWidth="3" />
      <circle cx="23" cy="26" r="3.5" fill="#1a1a1a" />
      <circle cx="41" cy="26" r="3.5" fill="#1a1a1a" />
      <path d={MOUTHS[i]} fill="none" stroke="#1a1a1a" strokeWidth="3.5" strokeLinecap="round" />
    </svg>
  );
}
