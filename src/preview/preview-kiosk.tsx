import { useCallback, useState } from 'react';
import type { FormDefinition } from '../domain/form-schema';
import { InfoScreen, type InfoTopic } from '../kiosk/info-screen';
import { StartScreen } from '../kiosk/start-screen';
import { ThanksScreen } from '../kiosk/thanks-screen';
import { Visit } from '../kiosk/visit';
import { VisitErrorBoundary } from '../kiosk/visit-error-boundary';
import { stopSpeaking } from '../ui/speech';

type Screen = { name: 'start' } | { name: 'visit' } | { name: 'thanks' } | { name: 'info'; topic: InfoTopic };

interface Props {
  form: FormDefinition;
  languages: string[];
  onQuestionShown: (questionId: string | null) => void;
}

/**
 * The draft on the kiosk's own screens, as visitors will see it. Send drops the answers: the
 * Visit is told it is a preview, and nothing here can reach the outbox or the sync engine.
 */
export function PreviewKiosk({ form, languages, onQuestionShown }: Props) {
  const [screen, setScreen] = useState<Screen>({ name: 'start' });
  const [visitNumber, setVisitNumber] = useState(0);
  const toStart = useCallback(() => {
    stopSpeaking();
    setVisitNumber((n) => n + 1);
    onQuestionShown(null);
    setScreen({ name: 'start' });
  }, [onQuestionShown]);

  switch (screen.name) {
    case 'start':
      return (
        <StartScreen
          form={form}
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
            onQuestionShown={onQuestionShown}
            onFinished={() => {
              stopSpeaking();
              onQuestionShown(null);
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
