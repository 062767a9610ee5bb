import type { FormDefinition, LocalizedText, Question } from './form-schema';

/**
 * What a visitor saw differently in one form version than in the version before it. Answers
 * to different wordings are counted together (questions and options are matched by id), so the
 * dashboard and the summary download say where the wording changed. Only the languages both
 * versions have are compared: a language added in the newer one had no earlier wording.
 */
export interface VersionChanges {
  version: number;
  /** The version compared with: the one before it among those given (not always version − 1). */
  previous: number;
  /** Languages in which the form's title changed. */
  title: string[];
  languagesAdded: string[];
  languagesRemoved: string[];
  questionsAdded: string[];
  questionsRemoved: string[];
  /** The questions both versions have come in another order. */
  questionsReordered: boolean;
  /** Questions both versions have whose wording changed; the unchanged are left out. */
  questions: QuestionChanges[];
}

export interface QuestionChanges {
  question: string;
  /** Languages in which the title changed; empty when it did not. */
  title: string[];
  /** Languages in which the help text changed (added or removed too); empty when it did not. */
  help: string[];
  /** A single choice became a multiple choice, say. */
  typeChanged: boolean;
  optionsAdded: string[];
  optionsRemoved: string[];
  /** Options both versions have whose label changed, with the languages it changed in. */
  relabelled: { option: string; languages: string[] }[];
  /** The options both versions have come in another order. */
  optionsReordered: boolean;
}

/** One thing that changed, as data: the coordinator's area and the files put it into words. */
export type FormNote =
  | { kind: 'form-title'; languages: string[] }
  | { kind: 'languages-added' | 'languages-removed'; languages: string[] }
  | { kind: 'question-added' | 'question-removed'; question: string }
  | { kind: 'questions-reordered' };

export type QuestionNote =
  | { kind: 'title' | 'help'; languages: string[] }
  | { kind: 'type' }
  | { kind: 'option-label'; option: string; languages: string[] }
  | { kind: 'option-added' | 'option-removed'; option: string }
  | { kind: 'options-reordered' };

export type WordingNote = FormNote | QuestionNote;

const optionsOf = (question: Question) => ('options' in question ? question.options : []);

/** The languages (of those both versions have) in which two texts differ; a missing text counts as empty. */
function changedIn(before: LocalizedText | undefined, after: LocalizedText | undefined, languages: string[]): string[] {
  return languages.filter((language) => (before?.[language] ?? '') !== (after?.[language] ?? ''));
}

/** Whether the items both lists hold come in another order. */
function reordered(before: string[], after: string[]): boolean {
  const common = before.filter((id) => after.includes(id));
  return after.filter((id) => before.includes(id)).some((id, i) => id !== common[i]);
}

const without = (ids: string[], others: string[]) => ids.filter((id) => !others.includes(id));

function compareQuestions(before: Question, after: Question, languages: string[]): QuestionChanges {
  const beforeOptions = new Map(optionsOf(before).map((option) => [option.id, option]));
  const afterIds = optionsOf(after).map((option) => option.id);
  return {
    question: after.id,
    title: changedIn(before.title, after.title, languages),
    help: changedIn(before.help, after.help, languages),
    typeChanged: before.type !== after.type,
    optionsAdded: without(afterIds, [...beforeOptions.keys()]),
    optionsRemoved: without([...beforeOptions.keys()], afterIds),
    relabelled: optionsOf(after).flatMap((option) => {
      const earlier = beforeOptions.get(option.id);
      const changed = earlier ? changedIn(earlier.label, option.label, languages) : [];
      return changed.length > 0 ? [{ option: option.id, languages: changed }] : [];
    }),
    optionsReordered: reordered([...beforeOptions.keys()], afterIds),
  };
}

/** What changed from one version to another (any two versions of a form, older first). */
export function compareVersions(before: FormDefinition, after: FormDefinition): VersionChanges {
  const languages = after.languages.filter((language) => before.languages.includes(language));
  const beforeIds = before.questions.map((q) => q.id);
  const afterIds = after.questions.map((q) => q.id);
  return {
    version: after.version,
    previous: before.version,
    title: changedIn(before.title, after.title, languages),
    languagesAdded: without(after.languages, before.languages),
    languagesRemoved: without(before.languages, after.languages),
    questionsAdded: without(afterIds, beforeIds),
    questionsRemoved: without(beforeIds, afterIds),
    questionsReordered: reordered(beforeIds, afterIds),
    questions: after.questions.flatMap((question) => {
      const earlier = before.questions.find((q) => q.id === question.id);
      if (!earlier) return [];
      const changes = compareQuestions(earlier, question, languages);
      return questionNotes(changes).length > 0 ? [changes] : [];
    }),
  };
}

/**
 * Per version, what changed from the version before it among those given: give a form's
 * versions to follow its history, or only the versions that responses in a range answered to
 * compare exactly those. One entry per version after the oldest, changed or not.
 */
export function wordingChanges(versions: FormDefinition[]): VersionChanges[] {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  return sorted.slice(1).map((form, i) => compareVersions(sorted[i]!, form));
}

/** The changes of the form as a whole: its title, languages, questions added, removed or moved. */
export function formNotes(change: VersionChanges): FormNote[] {
  const notes: FormNote[] = [];
  if (change.title.length > 0) notes.push({ kind: 'form-title', languages: change.title });
  if (change.languagesAdded.length > 0) notes.push({ kind: 'languages-added', languages: change.languagesAdded });
  if (change.languagesRemoved.length > 0) notes.push({ kind: 'languages-removed', languages: change.languagesRemoved });
  for (const question of change.questionsAdded) notes.push({ kind: 'question-added', question });
  for (const question of change.questionsRemoved) notes.push({ kind: 'question-removed', question });
  if (change.questionsReordered) notes.push({ kind: 'questions-reordered' });
  return notes;
}

/** The changes of one question that both versions have (none when it is unchanged). */
export function questionNotes(changes: QuestionChanges): QuestionNote[] {
  const notes: QuestionNote[] = [];
  if (changes.typeChanged) notes.push({ kind: 'type' });
  if (changes.title.length > 0) notes.push({ kind: 'title', languages: changes.title });
  if (changes.help.length > 0) notes.push({ kind: 'help', languages: changes.help });
  for (const { option, languages } of changes.relabelled) notes.push({ kind: 'option-label', option, languages });
  for (const option of changes.optionsAdded) notes.push({ kind: 'option-added', option });
  for (const option of changes.optionsRemoved) notes.push({ kind: 'option-removed', option });
  if (changes.optionsReordered) notes.push({ kind: 'options-reordered' });
  return notes;
}

/** Whether a version changed anything a visitor reads. */
export function hasChanges(change: VersionChanges): boolean {
  return formNotes(change).length > 0 || change.questions.length > 0;
}

/**
 * Per question, the versions at which its wording changed (or it was added or removed): what
 * tells a reader that answers to one question id were given to different wordings.
 */
export function changedQuestions(changes: VersionChanges[]): Map<string, number[]> {
  const versions = new Map<string, number[]>();
  const mark = (question: string, version: number) => {
    const list = versions.get(question) ?? [];
    if (!list.includes(version)) list.push(version);
    versions.set(question, list);
  };
  for (const change of changes) {
    for (const question of [...change.questionsAdded, ...change.questionsRemoved]) mark(question, change.version);
    for (const { question } of change.questions) mark(question, change.version);
  }
  return versions;
}

/**
 * A short description in words: `say` puts one note into words (the coordinator's area with its
 * translations), and the notes are joined with "; ".
 */
export function describeNotes<Note extends WordingNote>(notes: Note[], say: (note: Note) => string): string {
  return notes.map(say).join('; ');
}
