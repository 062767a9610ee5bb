import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  children: ReactNode;
}

/**
 * If the visit cannot be shown (its code failed to load from the cache, or a bug), the kiosk
 * says so calmly and offers a fresh start (a reload, since a failed lazy load is remembered), instead of going blank for the rest of the day.
 */
export class VisitErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('The visit could not be shown:', error instanceof Error ? error.name : error);
  }

  override render() {
    return this.state.failed ? <VisitFailed /> : this.props.children;
  }
}

function VisitFailed() {
  const { t } = useTranslation();
  return (
    <main className="kiosk__main" role="alert">
      <p>{t('visitFailed.body')}</p>
      <button type="button" className="button button--primary button--huge" onClick={() => window.location.reload()}>
        {t('visitFailed.restart')}
      </button>
    </main>
  );
}
