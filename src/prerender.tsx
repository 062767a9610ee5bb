import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { setUpI18n } from './i18n/setup';
import { bundledSetup } from './kiosk/bundled-setup';
import { KioskApp } from './kiosk/kiosk-app';

/**
 * The kiosk's start screen as HTML, for index.html at build time: the same components and the same
 * props that src/main.tsx then hydrates, with the bundled form in Finnish, open, no notices.
 */
export function renderStartScreen(): string {
  setUpI18n();
  return renderToString(
    <StrictMode>
      <KioskApp setup={bundledSetup} />
    </StrictMode>,
  );
}
