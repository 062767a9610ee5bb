import './coordinator.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setUpCoordinatorI18n } from '../i18n/coordinator-setup';
import { CoordinatorApp } from './coordinator-app';

// The coordinator's area: its own page and bundle, never loaded by the kiosk.
setUpCoordinatorI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CoordinatorApp />
  </StrictMode>,
);
