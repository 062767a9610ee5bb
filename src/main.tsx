import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-700.css';
import './ui/kiosk.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultForm } from './domain/default-form';
import { setUpI18n } from './i18n/setup';
import { KioskApp } from './kiosk/kiosk-app';
import { registerServiceWorker } from './kiosk/app-update';
import { readStoredForm } from './storage/kiosk-form';
import { requestPersistentStorage } from './storage/persist';

setUpI18n();
// The published form kept from the last sync, else the bundled one.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <KioskApp form={readStoredForm()?.form ?? defaultForm} />
  </StrictMode>,
);
registerServiceWorker();
requestPersistentStorage().catch((error: unknown) => console.warn('Persistent storage was not granted:', error));
