import { formDefinition } from './form-schema';

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
 * Checks a draft with the very schema published forms must pass. A draft in the making may lack
 * texts in some languages (a new language is translated bit by bit); anything else wrong must
 * be put right before it is saved, and nothing may be missing when it is published.
 */
export function checkDraft(draft: unknown): DraftCheck {
  const result = formDefinition.safeParse(draft);
  const problems: DraftProblem[] = [];
  const missingTexts: DraftCheck['missingTexts'] = [];
  for (const issue of result.success ? [] : result.error.issues) {
    const path = issue.path.join('.');
    const missing = MISSING.exec(issue.message);
    if (missing) missingTexts.push({ path, message: issue.message, language: missing[1]! });
    else problems.push({ path, message: issue.message });
  }
  return { problems, missingTexts, canSave: problems.length === 0, canPublish: problems.length === 0 && missingTexts.length === 0 };
}
