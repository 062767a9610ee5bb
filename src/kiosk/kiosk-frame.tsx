import type { ReactNode } from 'react';
import { LanguageSwitch } from '../ui/language-switch';
import { ReadAloudButton } from '../ui/read-aloud-button';

interface Props {
  languages: string[];
  /** What the read-aloud button says on this screen. */
  speech: string;
  children: ReactNode;
  footer?: ReactNode;
}

/** Every kiosk screen: language switch and read-aloud on top, the screen, its buttons below. */
export function KioskFrame({ languages, speech, children, footer }: Props) {
  return (
    <div className="kiosk">
      <header className="kiosk__header">
        <LanguageSwitch languages={languages} />
        <ReadAloudButton text={speech} />
      </header>
      <main className="kiosk__main">{children}</main>
      {footer ? <footer className="kiosk__footer">{footer}</footer> : null}
    </div>
  );
}
