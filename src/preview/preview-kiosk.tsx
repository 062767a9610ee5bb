import { useCallback, useEffect, useState } from 'react';
import type { FormDefinition } from '../domain/form-schema';
import type { KioskNotice } from '../domain/notice';
import { InfoScreen, type InfoTopic } from '../kiosk/info-screen';
import { StartScreen } from '../kiosk/start-screen';
import { ThanksScreen } from '../kiosk/thanks-screen';
import { Visit } from '../kiosk/visit';
import { VisitErrorBoundary } from '../kiosk/visit-error-boundary';
import { stopSpeaking } from '../ui/speech';
import type { ShownScreen } from './review-texts';

type Screen = { name: 'start' } | { name: 'visit' } | { name: 'thanks' } | { name: 'info'; topic: InfoTopic };

interface Props {
  form: FormDefinition;
  /** The notices under review: on the start screen whatever their days. */
  notices: KioskNotice[];
  languages: string[];
  /** Told what is on screen, for "comment on this screen" and for the texts view to open there. */
  onScreenShown: (shown: ShownScreen) => void;
}

/**
 * The draft on the kiosk's own screens, as visitors will see it. Send drops the answers: the
 * Visit is told it is a preview, and nothing here can reach the outbox or the sync engine.
 */
export function PreviewKiosk({ form, notices, languages, onScreenShown }: Props) {
  const [screen, setScreen] = useState<Screen>({ name: 'start' });
  const [visitNumber, setVisitNumber] = useState(0);
  const toStart = useCallback(() => {
    stopSpeaking();
    setVisitNumber((n) => n + 1);
    setScreen({ name: 'start' });
  }, []);
  useEffect(() => {
    if (screen.name === 'start' || screen.name === 'thanks') onScreenShown({ screen: screen.name });
    else if (screen.name === 'info') onScreenShown({ screen: screen.topic });
  }, [screen, onScreenShown]);
  const questionShown = useCallback(
    (question: string | null) => onScreenShown(question === null ? { screen: 'review' } : { screen: 'question', question }),
    [onScreenShown],
  );

  switch (screen.name) {
    case 'start':
      return (
        <StartScreen
          form={form}
          notices={notices}
          languages={languages}
          resting={false}
          onStart={() => setScreen({ name: 'visit' })}
          onInfo={(topic) => setScreen({ name: 'info', topic })}
        />
      );
    case 'info':
      return <InfoScreen topic={screen.topic} languages={languages} onBack={() => setScreen({ name: 'start' })} />;
    case 'visit':
      return (
        <VisitErrorBoundary key={visitNumber}>
          <Visit
            form={form}
            languages={languages}
            preview
            onQuestionShown={questionShown}
            onFinished={() => {
              stopSpeaking();
              setScreen({ name: 'thanks' });
            }}
            onLeave={toStart}
          />
        </VisitErrorBoundary>
      );
    case 'thanks':
      return <ThanksScreen languages={languages} onDone={toStart} />;
  }
}
