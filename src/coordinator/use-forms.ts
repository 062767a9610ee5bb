import { useEffect, useRef, useState } from 'react';
import { api, messageOf, type FormChoice } from './api';

/**
 * The forms a coordinator can choose, loaded once per view and again when `version` changes (a
 * new form was made); onLoaded runs with them (to pick the first).
 */
export function useForms(onLoaded: (forms: FormChoice[]) => void, onError: (message: string) => void, version = 0): FormChoice[] {
  const [forms, setForms] = useState<FormChoice[]>([]);
  const callbacks = useRef({ onLoaded, onError });
  useEffect(() => {
    api.forms().then(
      ({ forms: list }) => {
        setForms(list);
        callbacks.current.onLoaded(list);
      },
      (failure: unknown) => callbacks.current.onError(messageOf(failure)),
    );
  }, [version]);
  return forms;
}
