/** A failure said where it happened, read out at once by screen readers; nothing when there is none. */
export function ErrorMessage({ text }: { text: string | null }) {
  return text ? (
    <p role="alert" className="error">
      {text}
    </p>
  ) : null;
}
