import * as z from 'zod/mini';
import { formDefinition, isChoiceQuestion, type FormDefinition } from './form-schema';

export interface DraftProblem {
  /** Where in the draft, as a dotted path ("questions.2.options.1.label"). */
  path: string;
  message: string;
}

export interface DraftCheck {
  /** Problems of structure (ids, types, show-if rules): the draft cannot be saved with them. */
  problems: DraftProblem[];
  /** Texts still to write, per language: the draft can be saved, not published. */
  missingTexts: (DraftProblem & { language: string })[];
  canSave: boolean;
  canPublish: boolean;
}

const MISSING = /^missing text in language "([^"]+)"$/;

/**
 * What the form's published versions have used: results are matched by question and option id
 * across versions, so an id must keep its meaning (its question type), and the background
 * question its id, or old answers would be counted as something else, and old age groups
 * without their protection.
 */
export interface FormHistory {
  /** Every question id any version has had, with its type there. */
  questionTypes: Record<string, string>;
  /** Every option id each question has had in any version. */
  optionIds: Record<string, string[]>;
}

export function historyOf(versions: FormDefinition[]): FormHistory {
  const history: FormHistory = { questionTypes: {}, optionIds: {} };
  for (const version of versions) {
    for (const question of version.questions) {
      history.questionTypes[question.id] ??= question.type;
      if (isChoiceQuestion(question)) {
        const known = new Set(history.optionIds[question.id] ?? []);
        for (const option of question.options) known.add(option.id);
        history.optionIds[question.id] = [...known];
      }
    }
  }
  return history;
}

function historyProblems(draft: unknown, history: FormHistory): DraftProblem[] {
  const questions = (draft as { questions?: unknown } | null)?.questions;
  if (!Array.isArray(questions)) return [];
  const oldBackground = Object.entries(history.questionTypes).find(([, type]) => type === 'background')?.[0];
  const problems: DraftProblem[] = [];
  questions.forEach((question: { id?: unknown; type?: unknown }, i) => {
    if (typeof question?.id !== 'string') return;
    const before = history.questionTypes[question.id];
    if (before !== undefined && before !== question.type) {
      problems.push({ path: `questions.${i}.type`, message: `question id "${question.id}" was a ${before} question in an earlier version: an id keeps its meaning` });
    } else if (question.type === 'background' && oldBackground !== undefined && question.id !== oldBackground) {
      problems.push({ path: `questions.${i}.id`, message: `the background question keeps the id "${oldBackground}" of earlier versions` });
    }
  });
  return problems;
}

/**
 * Checks a draft with the very schema published forms must pass, and against the ids its
 * form's versions have used. A draft in the making may lack texts in some languages (a new
 * language is translated bit by bit); anything else wrong must be put right before it is
 * saved, and nothing may be missing when it is published.
 */
export function checkDraft(draft: unknown, history: FormHistory = { questionTypes: {}, optionIds: {} }): DraftCheck {
  const result = formDefinition.safeParse(draft);
  const problems: DraftProblem[] = historyProblems(draft, history);
  const missingTexts: DraftCheck['missingTexts'] = [];
  for (const issue of result.success ? [] : result.error.issues) {
    const path = issue.path.join('.');
    const missing = MISSING.exec(issue.message);
    if (missing) missingTexts.push({ path, message: issue.message, language: missing[1]! });
    else problems.push({ path, message: issue.message });
  }
  return { problems, missingTexts, canSave: problems.length === 0, canPublish: problems.length === 0 && missingTexts.length === 0 };
}

/**
 * What the editor sends to save a draft: the definition, and the draft's `updatedAt` as the
 * editor loaded it. The server saves only over that very draft; when another coordinator saved
 * it since, it answers 409 with theirs. Required: an editor that does not say what it loaded
 * (an old page still open) would overwrite unseen.
 */
export const draftSaveRequest = z.strictObject({
  definition: z.unknown(),
  basedOn: z.iso
    .datetime({ error: 'must be the draft’s updatedAt as the editor loaded it, so that a save never overwrites another coordinator’s unseen; reload the page and save again' })
    .check(z.describe('The updatedAt of the draft as the editor loaded it (GET /api/coordinator/forms/:form/draft): saved only if the draft is still that one, else 409 with the current draft.')),
});
export type DraftSaveRequest = z.output<typeof draftSaveRequest>;
