/**
 * Counts requests per key in fixed windows, in this process's memory only. For a limit whose
 * count must never be written anywhere: the rows of the database-backed limits hold when each
 * window began, and a backup taken then would keep it. The count starts again when the process
 * does, and each server instance counts its own.
 */
export function memoryWindowLimit(max: number, windowMs: number, now: () => number = Date.now) {
  const windows = new Map<string, { count: number; endsAt: number }>();
  let sweptAt = now();
  return {
    /** Counts one request; `allowed` false with the milliseconds until the window ends. */
    take(key: string): { allowed: boolean; msLeft: number } {
      const at = now();
      // Ended windows go at most a window after they end, so the map holds only live ones.
      if (at - sweptAt >= windowMs) {
        for (const [stale, window] of windows) if (window.endsAt <= at) windows.delete(stale);
        sweptAt = at;
      }
      let window = windows.get(key);
      if (!window || window.endsAt <= at) {
        window = { count: 0, endsAt: at + windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      return { allowed: window.count <= max, msLeft: window.endsAt - at };
    },
    size: () => windows.size,
  };
}
