/** The one dynamic import of what the kiosk loads after its start screen (see later.ts). */
export const loadLater = () => import('./later');
