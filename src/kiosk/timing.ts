/** How long the kiosk waits without a touch before it asks "Are you still there?". */
export const IDLE_WARNING_AFTER_MS = 60_000;
/** How long the warning stays before the answers are discarded (WCAG 2.2.1 asks for at least 20 s). */
export const IDLE_WARNING_FOR_MS = 30_000;
/** How long the thank-you shows before the start screen returns by itself. */
export const THANKS_FOR_MS = 8_000;
/** After a thank-you the start screen ignores taps this long, so hammering makes one response. */
export const START_GUARD_MS = 3_000;
/** A waiting app update is applied once the start screen has been untouched this long. */
export const UPDATE_WHEN_QUIET_MS = 10_000;
/** How often the kiosk asks whether a new app version exists. */
export const UPDATE_CHECK_EVERY_MS = 60 * 60_000;
/** Send, which appears where Next was, ignores taps this long: a double tap on Next must not send. */
export const SEND_ARMS_AFTER_MS = 600;
/** "Saving…" shows on Send only if storing takes longer than this. */
export const SHOW_SAVING_AFTER_MS = 150;
/** With several notices on the start screen, the next one shows after this long. */
export const NOTICE_CHANGE_MS = 10_000;
/** How often the kiosk looks at the clock for its opening hours and the notices' days. */
export const CLOCK_TICK_MS = 15_000;
/** Notices stopped by a reader take turns again after this long: for the next person. */
export const NOTICE_PAUSE_MS = 2 * 60_000;
