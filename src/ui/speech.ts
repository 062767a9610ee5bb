import { useSyncExternalStore } from 'react';

/** Read-aloud through the browser's own speech (Web Speech API): nothing leaves the device. */
const synth = (): SpeechSynthesis | undefined => (typeof window !== 'undefined' ? window.speechSynthesis : undefined);

function voiceFor(language: string): SpeechSynthesisVoice | undefined {
  const voices = synth()?.getVoices() ?? [];
  const matches = voices.filter((voice) => voice.lang.toLowerCase().split(/[-_]/)[0] === language);
  return matches.find((voice) => voice.localService) ?? matches[0];
}

function subscribeToVoices(onChange: () => void): () => void {
  const speech = synth();
  if (!speech) return () => undefined;
  speech.addEventListener('voiceschanged', onChange);
  return () => speech.removeEventListener('voiceschanged', onChange);
}

/** Whether this browser has a voice for the language; voices can arrive after start. */
export function useCanSpeak(language: string): boolean {
  return useSyncExternalStore(
    subscribeToVoices,
    () => voiceFor(language) !== undefined,
    () => false,
  );
}

/** Joins pieces of a screen into sentences for reading aloud: "Question?" stays, "Okay" gets a full stop. */
export function sentencesForSpeech(pieces: (string | undefined)[]): string {
  return pieces
    .map((piece) => piece?.trim())
    .filter((piece): piece is string => Boolean(piece))
    .map((piece) => (/[.!?…:]$/.test(piece) ? piece : `${piece}.`))
    .join(' ');
}

export function speak(text: string, language: string): void {
  const speech = synth();
  const voice = voiceFor(language);
  if (!speech || !voice) return;
  speech.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.rate = 0.9;
  speech.speak(utterance);
}

export function stopSpeaking(): void {
  synth()?.cancel();
}
