import './ui/kiosk.css';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { defaultForm } from './domain/default-form';
import { setUpI18n } from './i18n/setup';
import { bundledSetup } from './kiosk/bundled-setup';
import { KioskApp } from './kiosk/kiosk-app';
import { registerServiceWorker } from './kiosk/app-update';
import { loadLater } from './kiosk/load-later';
import { showsTheSameStartScreen } from './kiosk/prerendered';
import { readStoredSetup } from './storage/kiosk-form';
import { requestPersistentStorage } from './storage/persist';

// A preview link (/preview/TOKEN) opens a draft instead of the kiosk; its code comes later.
const PreviewApp = lazy(() => loadLater().then(async (later) => {
  await later.setUpPreview();
  return { default: later.PreviewApp };
}));
// Every path under /preview/ is the preview's: a link cut short or mistyped says it does not
// work (token null) instead of opening the kiosk.
const isPreview = /^\/preview(\/|$)/.test(location.pathname);
const previewToken = /^\/preview\/([A-Za-z0-9_-]{43})\/?$/.exec(location.pathname)?.[1] ?? null;

setUpI18n();
const root = document.getElementById('root')!;
if (isPreview) {
  // index.html paints the kiosk's start screen, which is not what a preview link opens.
  root.replaceChildren();
  createRoot(root).render(
    <StrictMode>
      <Suspense fallback={null}>
        <PreviewApp token={previewToken} fromKiosk={new URLSearchParams(location.search).has('kiosk')} />
      </Suspense>
    </StrictMode>,
  );
} else {
  void startKiosk();
}

/**
 * The published form, notices and opening hours kept from the last sync, else the bundled form,
 * always open and without notices. index.html already shows the start screen of the bundled form
 * (prerendered at build): React takes over that markup when the kept setup shows the same start
 * screen, and replaces it in one step when it does not (another title, a notice, closed now). Not
 * a top-level await: checking a setup kept by an older schema loads later.ts, which imports this
 * entry module, and an entry still waiting at its top level would wait for it for ever.
 */
async function startKiosk() {
  const setup = (await readStoredSetup(() => loadLater().then((later) => later.parseKioskSetup)))?.setup ?? bundledSetup;
  const app = (
    <StrictMode>
      <KioskApp setup={setup} />
    </StrictMode>
  );
  if (root.hasChildNodes() && showsTheSameStartScreen(setup, defaultForm, new Date())) hydrateRoot(root, app);
  else createRoot(root).render(app);
}
registerServiceWorker();
requestPersistentStorage().catch((error: unknown) => console.warn('Persistent storage was not granted:', error));
