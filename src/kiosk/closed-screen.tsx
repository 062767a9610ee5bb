import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NextOpening } from '../domain/opening-times';
import { loadLanguage } from '../i18n/languages';
import { StaffButton } from './staff-button';

interface Props {
  /** The kiosk's languages: the screen says it in each, as nobody is there to choose. */
  languages: string[];
  next: NextOpening | null;
  today: string;
  onStaff: () => void;
}

/** "Tuesday 15.12. at 9.00" in a language: the date is a Helsinki calendar date, shown as such. */
function openingIn(language: string, next: NextOpening, today: string, t: (key: string, options: Record<string, unknown>) => string): string {
  const [year, month, day] = next.date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = next.opens.split(':').map(Number) as [number, number];
  // Noon UTC of that date, formatted in UTC: the same calendar date in every zone. Written as in
  // Finland (9.00, 3.12.), in whichever language.
  const locale = `${language}-FI`;
  const date = new Date(Date.UTC(year, month - 1, day, 12));
  const dayText = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(date);
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, 0, 1, hours, minutes)));
  return next.date === today ? t('closed.opensToday', { time, lng: language }) : t('closed.opensOn', { day: dayText, time, lng: language });
}

/**
 * Outside the opening hours: a calm, dark screen that says, in each of the kiosk's languages,
 * that the centre is closed and when it opens. A tap starts nothing; the staff menu still opens,
 * and the sync goes on behind it.
 */
export function ClosedScreen({ languages, next, today, onStaff }: Props) {
  const { t, i18n } = useTranslation();
  // Each language's texts, once they are here (precached: also offline). Finnish is always here.
  const [loaded, setLoaded] = useState<string[]>(() => languages.filter((code) => i18n.hasResourceBundle(code, 'translation')));
  // By value: the kiosk hands a new array at each tick of its clock.
  const wanted = languages.join(',');
  useEffect(() => {
    let current = true;
    const codes = wanted.split(',');
    void Promise.all(codes.map((code) => loadLanguage(code).then(() => code, () => null))).then((here) => {
      if (current) setLoaded(here.filter((code): code is string => code !== null));
    });
    return () => {
      current = false;
    };
  }, [wanted]);
  const shown = languages.filter((code) => loaded.includes(code));
  return (
    <div className="closed">
      <main className="closed__main">
        {shown.map((code, i) => {
          const Heading = i === 0 ? 'h1' : 'p';
          return (
            <div key={code} lang={code} className="closed__language">
              <Heading className="closed__heading">{t('closed.heading', { lng: code })}</Heading>
              <p>{t('closed.body', { lng: code })}</p>
              {next ? <p className="closed__next">{openingIn(code, next, today, t)}</p> : null}
            </div>
          );
        })}
      </main>
      <StaffButton onStaff={onStaff} />
    </div>
  );
}
