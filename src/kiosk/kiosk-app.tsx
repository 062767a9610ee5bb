import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../domain/form-schema';
import { shownLanguages } from '../domain/form-text';
import type { KioskSetup } from '../domain/kiosk-setup';
import { localDay } from '../domain/local-day';
import { currentNotices } from '../domain/notice-text';
import { isOpen, nextOpening } from '../domain/opening-times';
import { DEFAULT_LANGUAGE, switchLanguage, uiLanguages } from '../i18n/languages';
import { stopSpeaking } from '../ui/speech';
import { applyUpdate, useUpdateState } from './app-update';
import { onNewSetup, startSync } from './kiosk-sync';
import { ClosedScreen } from './closed-screen';
import { VisitErrorBoundary } from './visit-error-boundary';
import { IdleWarning } from './idle-warning';
import { InfoScreen, type InfoTopic } from './info-screen';
import { StartScreen } from './start-screen';
import { ThanksScreen } from './thanks-screen';
import { IDLE_WARNING_AFTER_MS, IDLE_WARNING_FOR_MS, START_GUARD_MS, UPDATE_WHEN_QUIET_MS } from './timing';
import { laterIfLoaded, loadLater } from './load-later';
import { useQuietTimer } from './use-quiet-timer';
import { useNow } from './use-now';
import { whenIdle } from './when-idle';

// The visit (react-hook-form, Dexie, scrubbing) and the staff menu are not needed to show the
// start screen: they come later, precached like everything else and fetched when the browser is
// idle. Once they are here they render at once; the lazy forms are for when they are not.
const LazyVisit = lazy(() => loadLater().then((later) => ({ default: later.Visit })));
const LazyStaffMenu = lazy(() => loadLater().then((later) => ({ default: later.StaffMenu })));

/**
 * Runs `open` once the later code is here: a tap before it has arrived waits on the start screen.
 * If it cannot load, `open` runs anyway and the lazy component shows the failure.
 */
function afterLaterCode(open: () => void) {
  if (laterIfLoaded()) open();
  else loadLater().then(open, open);
}

type Screen = { name: 'start' } | { name: 'visit' } | { name: 'thanks' } | { name: 'info'; topic: InfoTopic } | { name: 'staff' };

function recordAbandoned() {
  loadLater()
    .then(({ abandoned }) => abandoned.countAbandoned(localDay(new Date()).date))
    .catch((error: unknown) => console.error('Could not count an abandoned form:', error instanceof Error ? error.name : error));
}

/**
 * The visitor's kiosk: start (with today's notices), one visit at a time, thank-you, and the idle
 * reset; outside the opening hours, the closed screen.
 */
export function KioskApp({ setup: firstSetup }: { setup: KioskSetup }) {
  const { i18n } = useTranslation();
  const [screen, setScreen] = useState<Screen>({ name: 'start' });
  // A new number mounts a new Visit: nothing of the previous visitor's answers survives.
  const [visitNumber, setVisitNumber] = useState(0);
  const [warning, setWarning] = useState(false);
  const [resting, setResting] = useState(false);
  // The form the visit in progress was started with.
  const [form, setForm] = useState<FormDefinition>(firstSetup.form);
  // The newest setup (form, notices, hours); a new one waits until the next visit starts, never a
  // switch mid-answers.
  const [setup, setSetup] = useState(firstSetup);
  useEffect(() => onNewSetup(setSetup), []);
  const update = useUpdateState();
  const now = useNow();

  useEffect(() => {
    performance.mark('kiosk:start-screen');
    const prefetch = () => {
      void loadLater();
      startSync().catch((error: unknown) => console.error('Sync could not start:', error instanceof Error ? error.name : error));
    };
    whenIdle(prefetch);
  }, []);

  /** Ends the visit for the next person: new empty visit, Finnish, nothing selected or spoken. */
  const backToStart = useCallback(
    (rest: boolean) => {
      stopSpeaking();
      setWarning(false);
      setVisitNumber((n) => n + 1);
      setScreen({ name: 'start' });
      void switchLanguage(DEFAULT_LANGUAGE);
      (document.activeElement as HTMLElement | null)?.blur();
      window.getSelection()?.removeAllRanges();
      if (rest) {
        setResting(true);
        window.setTimeout(() => setResting(false), START_GUARD_MS);
      }
    },
    [],
  );

  // Back from the first question: the same person is still there, so their language stays
  // (the start screen's own quiet timer returns it to Finnish later).
  const leaveVisit = useCallback(({ answered }: { answered: boolean }) => {
    if (answered) recordAbandoned();
    stopSpeaking();
    setVisitNumber((n) => n + 1);
    setScreen({ name: 'start' });
  }, []);

  const idleTimeout = useCallback(() => {
    recordAbandoned();
    backToStart(false);
  }, [backToStart]);

  const finishThanks = useCallback(() => backToStart(true), [backToStart]);

  const onStart = screen.name === 'start';
  const inVisit = screen.name === 'visit';
  useQuietTimer(inVisit && !warning ? IDLE_WARNING_AFTER_MS : null, () => setWarning(true));
  // A statement or the staff menu holds no answers to warn about: it just gives way to the start.
  useQuietTimer(screen.name === 'info' || screen.name === 'staff' ? IDLE_WARNING_AFTER_MS + IDLE_WARNING_FOR_MS : null, () =>
    backToStart(false),
  );
  // On the start screen nobody's answers are at stake: the language simply goes back to Finnish.
  useQuietTimer(onStart && i18n.language !== DEFAULT_LANGUAGE ? IDLE_WARNING_AFTER_MS : null, () =>
    void switchLanguage(DEFAULT_LANGUAGE),
  );
  useQuietTimer(onStart && update === 'waiting' ? UPDATE_WHEN_QUIET_MS : null, applyUpdate);

  // Outside a visit the newest form shows; a visit keeps the form it started with.
  const inVisitOrThanks = screen.name === 'visit' || screen.name === 'thanks';
  const shown = inVisitOrThanks ? form : setup.form;
  const languages = uiLanguages.filter((code) => shownLanguages(shown).includes(code));
  // Closing time never cuts a visit short: the kiosk closes when it is back at the start.
  const today = localDay(now).date;
  const closed = !isOpen(setup.openingHours, now);
  // A screen opened once the later code has come opens only if the start screen is still up: a
  // tap meanwhile on something else (or a second tap) has the last word.
  const fromStartTo = (next: Screen) => setScreen((current) => (current.name === 'start' ? next : current));
  const startVisit = () =>
    afterLaterCode(() => {
      // A tap as the centre closes, answered once the code has come, starts nothing.
      if (!isOpen(setup.openingHours, new Date())) return;
      setForm(shown);
      fromStartTo({ name: 'visit' });
    });
  // Chosen once the code is here and the same on every render after: a component that changed
  // from the lazy one to the loaded one would be mounted afresh, losing its state (an unlocked
  // staff menu would lock again).
  const Visit = laterIfLoaded()?.Visit ?? LazyVisit;
  const StaffMenu = laterIfLoaded()?.StaffMenu ?? LazyStaffMenu;

  let content;
  switch (screen.name) {
    case 'start':
      content = closed ? (
        <ClosedScreen
          languages={languages}
          next={nextOpening(setup.openingHours, now)}
          today={today}
          onStaff={() => afterLaterCode(() => fromStartTo({ name: 'staff' }))}
        />
      ) : (
        <StartScreen
          form={shown}
          notices={currentNotices(setup.notices, today)}
          languages={languages}
          resting={resting || update === 'applying'}
          onStart={startVisit}
          onInfo={(topic) => setScreen({ name: 'info', topic })}
          onStaff={() => afterLaterCode(() => fromStartTo({ name: 'staff' }))}
        />
      );
      break;
    case 'info':
      content = <InfoScreen topic={screen.topic} languages={languages} onBack={() => setScreen({ name: 'start' })} />;
      break;
    case 'visit':
      content = (
        <VisitErrorBoundary key={visitNumber}>
          <Visit
            form={form}
            languages={languages}
            onFinished={({ stored }) => {
              if (!stored) recordAbandoned();
              stopSpeaking();
              setScreen({ name: 'thanks' });
            }}
            onLeave={leaveVisit}
          />
        </VisitErrorBoundary>
      );
      break;
    case 'staff':
      content = <StaffMenu languages={languages} onClose={() => backToStart(false)} />;
      break;
    case 'thanks':
      content = <ThanksScreen languages={languages} onDone={finishThanks} />;
      break;
  }

  return (
    <Suspense fallback={null}>
      {content}
      {warning && inVisit ? <IdleWarning onContinue={() => setWarning(false)} onTimeout={idleTimeout} /> : null}
    </Suspense>
  );
}
