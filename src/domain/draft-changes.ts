import { shownLanguages } from './form-text';
import type { FormDefinition, Question } from './form-schema';
import { compareVersions, formNotes, questionNotes, type FormNote, type QuestionNote } from './wording-changes';

/**
 * One difference between two drafts of a form, as data (the coordinator's area puts it into
 * words): what another coordinator changed in a draft since this one loaded it. The wording
 * notes are those of form versions (wording-changes.ts); a draft adds the languages marked
 * reviewed and the settings of a question, so that no difference goes unmentioned.
 */
export type DraftChange =
  | FormNote
  | { kind: 'reviewed-marked' | 'reviewed-unmarked'; languages: string[] }
  | (QuestionNote & { question: string })
  /** Its picture, when it shows, whether it is required, an option's picture or "clears the others", a text's length. */
  | { kind: 'question-settings'; question: string };

const optionsOf = (question: Question) => ('options' in question ? question.options : []);

/**
 * What of a question is not its wording, with the options `both` versions have (those added or
 * removed are named as such), in a form that compares equal when only their order differs.
 */
function settingsOf(question: Question, both: Set<string>): string {
  return JSON.stringify({
    picture: question.picture ?? null,
    required: question.required ?? false,
    showIf: question.showIf ? { question: question.showIf.question, anyOf: [...question.showIf.anyOf].sort() } : null,
    maxLength: 'maxLength' in question ? question.maxLength : null,
    options: optionsOf(question)
      .filter((option) => both.has(option.id))
      .map((option) => [option.id, option.picture ?? null, option.exclusive ?? false] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  });
}

/**
 * What changed from `before` (the draft as an editor loaded it) to `after` (the draft as it is
 * now): the form's title, languages added, removed or marked reviewed, questions added, removed
 * or moved, then each question's changes in the order of `after`. Empty when nothing differs.
 */
export function draftChanges(before: FormDefinition, after: FormDefinition): DraftChange[] {
  const wording = compareVersions(before, after);
  const changes: DraftChange[] = formNotes(wording).filter((note) => note.kind !== 'question-added' && note.kind !== 'question-removed' && note.kind !== 'questions-reordered');

  const common = after.languages.filter((language) => before.languages.includes(language));
  const [shownBefore, shownAfter] = [shownLanguages(before), shownLanguages(after)];
  const marked = common.filter((language) => shownAfter.includes(language) && !shownBefore.includes(language));
  const unmarked = common.filter((language) => !shownAfter.includes(language) && shownBefore.includes(language));
  if (marked.length > 0) changes.push({ kind: 'reviewed-marked', languages: marked });
  if (unmarked.length > 0) changes.push({ kind: 'reviewed-unmarked', languages: unmarked });

  for (const question of wording.questionsAdded) changes.push({ kind: 'question-added', question });
  for (const question of wording.questionsRemoved) changes.push({ kind: 'question-removed', question });
  if (wording.questionsReordered) changes.push({ kind: 'questions-reordered' });

  for (const question of after.questions) {
    const earlier = before.questions.find((q) => q.id === question.id);
    if (!earlier) continue;
    const notes = wording.questions.find((q) => q.question === question.id);
    if (notes) for (const note of questionNotes(notes)) changes.push({ ...note, question: question.id });
    // A question of another type has other settings anyway: its type change says it.
    const both = new Set(optionsOf(question).map((option) => option.id).filter((id) => optionsOf(earlier).some((option) => option.id === id)));
    if (earlier.type === question.type && settingsOf(earlier, both) !== settingsOf(question, both)) changes.push({ kind: 'question-settings', question: question.id });
  }
  return changes;
}
