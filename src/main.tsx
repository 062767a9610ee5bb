import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-700.css';
import './ui/kiosk.css';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultForm } from './domain/default-form';
import { setUpI18n } from './i18n/setup';
import { KioskApp } from './kiosk/kiosk-app';
import { registerServiceWorker } from './kiosk/app-update';
import { readStoredForm } from './storage/kiosk-form';
import { requestPersistentStorage } from './storage/persist';

// A preview link (/preview/TOKEN) opens a draft instead of the kiosk; its code is its own chunk.
const PreviewApp = lazy(() => import('./preview/preview-app'));
const previewToken = /^\/preview\/([A-Za-z0-9_-]{43})$/.exec(location.pathname)?.[1];

setUpI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {previewToken ? (
      <Suspense fallback={null}>
        <PreviewApp token={previewToken} fromKiosk={new URLSearchParams(location.search).has('kiosk')} />
      </Suspense>
    ) : (
      // The published form kept from the last sync, else the bundled one.
      <KioskApp form={readStoredForm()?.form ?? defaultForm} />
    )}
  </StrictMode>,
);
registerServiceWorker();
requestPersistentStorage().catch((error: unknown) => console.warn('Persistent storage was not granted:', error));
