import { useCallback, useEffect, useState } from 'react';

export const VIEWS = ['dashboard', 'report', 'day-log', 'downloads', 'forms', 'notices', 'hours', 'kiosks', 'audit', 'units', 'account'] as const;
export type View = (typeof VIEWS)[number];
const BASE = '/coordinator';

function viewFromPath(pathname: string): View {
  const name = pathname.slice(BASE.length).replace(/^\/|\/$/g, '');
  return (VIEWS as readonly string[]).includes(name) ? (name as View) : VIEWS[0];
}

/** The address of a section; the first is the area's home. */
export const viewPath = (view: View) => (view === VIEWS[0] ? BASE : `${BASE}/${view}`);

/** Goes to a section from a link inside another (an empty state's "log the day"), as the navigation does. */
export function goToView(view: View): void {
  history.pushState(null, '', viewPath(view));
  dispatchEvent(new PopStateEvent('popstate'));
}

/** The section shown, kept in the address so Back, reload and bookmarks work. */
export function useView(): [View, (view: View) => void] {
  const [view, setView] = useState(() => viewFromPath(location.pathname));
  useEffect(() => {
    const onPop = () => setView(viewFromPath(location.pathname));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const go = useCallback((next: View) => {
    history.pushState(null, '', viewPath(next));
    setView(next);
  }, []);
  return [view, go];
}
