/** A timer on the page's clock, cancelled by calling what it returns: what the senders are given. */
export function browserTimer(run: () => void, ms: number): () => void {
  const timer = window.setTimeout(run, ms);
  return () => window.clearTimeout(timer);
}
