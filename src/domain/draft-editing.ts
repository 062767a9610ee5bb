import type { FormHistory } from './draft';
import {
  FACE_SCALE_OPTION_IDS,
  isChoiceQuestion,
  PREFER_NOT_TO_SAY,
  YES_NO_OPTION_IDS,
  type FormDefinition,
  type LocalizedText,
  type Question,
} from './form-schema';

/**
 * The edits a coordinator makes to a draft, as pure functions: each returns a new draft and
 * leaves the one given untouched. A text set to nothing is removed (a missing text, which only
 * blocks publishing); structural mistakes are left for checkDraft to name.
 */

export type QuestionType = Question['type'];
export const QUESTION_TYPES: readonly QuestionType[] = ['face-scale', 'single-choice', 'multiple-choice', 'yes-no', 'background', 'free-text'];

/** The types a new question may have: a form has at most one background question. */
export function addableTypes(form: FormDefinition): QuestionType[] {
  return QUESTION_TYPES.filter((type) => type !== 'background' || !form.questions.some((q) => q.type === 'background'));
}

/** Types whose options are fixed by the schema: their labels may change, not the options. */
export function hasFixedOptions(type: QuestionType): boolean {
  return type === 'face-scale' || type === 'yes-no';
}

function edited(form: FormDefinition, change: (copy: FormDefinition) => void): FormDefinition {
  const copy = structuredClone(form);
  change(copy);
  return copy;
}

function withText(text: LocalizedText | undefined, language: string, value: string): LocalizedText {
  const next = { ...text };
  if (value.trim() === '') delete next[language];
  else next[language] = value;
  return next;
}

/** Where a text lives: the form's title, a question's title or help, or an option's label. */
export type TextPlace =
  | { kind: 'form-title' }
  | { kind: 'title' | 'help'; question: string }
  | { kind: 'option'; question: string; option: string };

export function setText(form: FormDefinition, place: TextPlace, language: string, value: string): FormDefinition {
  return edited(form, (copy) => {
    if (place.kind === 'form-title') {
      copy.title = withText(copy.title, language, value);
      return;
    }
    const question = copy.questions.find((q) => q.id === place.question);
    if (!question) return;
    if (place.kind === 'title') question.title = withText(question.title, language, value);
    else if (place.kind === 'help') {
      const help = withText(question.help, language, value);
      if (Object.keys(help).length === 0) delete question.help;
      else question.help = help;
    } else if (place.kind === 'option' && isChoiceQuestion(question)) {
      const option = question.options.find((o) => o.id === place.option);
      if (option) option.label = withText(option.label, language, value);
    }
  });
}

function unusedId(taken: Iterable<string>, stem: string): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

function move<T>(items: T[], index: number, by: -1 | 1): void {
  const to = index + by;
  if (index < 0 || to < 0 || to >= items.length) return;
  [items[index], items[to]] = [items[to]!, items[index]!];
}

const NO_HISTORY: FormHistory = { questionTypes: {}, optionIds: {} };

/**
 * A new question at the end, of the given type, with the options its type requires (texts to
 * write). Its id is one no version of the form has used: results are matched by id.
 */
export function addQuestion(form: FormDefinition, type: QuestionType, history: FormHistory = NO_HISTORY): FormDefinition {
  return edited(form, (copy) => {
    const id = unusedId([...copy.questions.map((q) => q.id), ...Object.keys(history.questionTypes)], 'question');
    const base = { id, title: {}, required: false };
    const optionsOf = (ids: readonly string[]) => ids.map((optionId) => ({ id: optionId, label: {} }));
    const question: Question =
      type === 'free-text'
        ? { ...base, type, maxLength: 1000 }
        : type === 'face-scale'
          ? { ...base, type, options: optionsOf(FACE_SCALE_OPTION_IDS) }
          : type === 'yes-no'
            ? { ...base, type, options: optionsOf(YES_NO_OPTION_IDS) }
            : type === 'background'
              ? { ...base, type, options: optionsOf(['option-1', PREFER_NOT_TO_SAY]) }
              : { ...base, type, options: optionsOf(['option-1', 'option-2']) };
    copy.questions.push(question);
  });
}

/** Whether a question can move one place without a show-if rule ending up before its question. */
export function canMoveQuestion(form: FormDefinition, questionId: string, by: -1 | 1): boolean {
  const index = form.questions.findIndex((q) => q.id === questionId);
  const other = form.questions[index + by];
  if (index < 0 || !other) return false;
  const [earlier, later] = by === -1 ? [other, form.questions[index]!] : [form.questions[index]!, other];
  return later.showIf?.question !== earlier.id;
}

export function moveQuestion(form: FormDefinition, questionId: string, by: -1 | 1): FormDefinition {
  if (!canMoveQuestion(form, questionId, by)) return form;
  return edited(form, (copy) => move(copy.questions, copy.questions.findIndex((q) => q.id === questionId), by));
}

/** Removes a question, and the show-if rules that depended on it (those questions then always show). */
export function removeQuestion(form: FormDefinition, questionId: string): FormDefinition {
  return edited(form, (copy) => {
    copy.questions = copy.questions.filter((q) => q.id !== questionId);
    for (const question of copy.questions) if (question.showIf?.question === questionId) delete question.showIf;
  });
}

/** A new option (texts to write), with an id no version of the question has used. */
export function addOption(form: FormDefinition, questionId: string, history: FormHistory = NO_HISTORY): FormDefinition {
  return edited(form, (copy) => {
    const question = copy.questions.find((q) => q.id === questionId);
    if (!question || !isChoiceQuestion(question) || hasFixedOptions(question.type)) return;
    const option = { id: unusedId([...question.options.map((o) => o.id), ...(history.optionIds[questionId] ?? [])], 'option'), label: {} };
    // "I'd rather not say" stays last, where visitors expect it.
    const last = question.options.at(-1);
    if (last?.id === PREFER_NOT_TO_SAY) question.options.splice(question.options.length - 1, 0, option);
    else question.options.push(option);
  });
}

export function moveOption(form: FormDefinition, questionId: string, optionId: string, by: -1 | 1): FormDefinition {
  return edited(form, (copy) => {
    const question = copy.questions.find((q) => q.id === questionId);
    if (!question || !isChoiceQuestion(question) || hasFixedOptions(question.type)) return;
    move(question.options, question.options.findIndex((o) => o.id === optionId), by);
  });
}

export function removeOption(form: FormDefinition, questionId: string, optionId: string): FormDefinition {
  return edited(form, (copy) => {
    const question = copy.questions.find((q) => q.id === questionId);
    if (!question || !isChoiceQuestion(question) || hasFixedOptions(question.type)) return;
    question.options = question.options.filter((o) => o.id !== optionId);
    // Rules that named the option no longer do; a rule left with no option goes.
    for (const follower of copy.questions) {
      if (follower.showIf?.question !== questionId) continue;
      follower.showIf.anyOf = follower.showIf.anyOf.filter((id) => id !== optionId);
      if (follower.showIf.anyOf.length === 0) delete follower.showIf;
    }
  });
}

export function setExclusive(form: FormDefinition, questionId: string, optionId: string, exclusive: boolean): FormDefinition {
  return edited(form, (copy) => {
    const question = copy.questions.find((q) => q.id === questionId);
    const option = question && isChoiceQuestion(question) ? question.options.find((o) => o.id === optionId) : undefined;
    if (!option) return;
    if (exclusive) option.exclusive = true;
    else delete option.exclusive;
  });
}

/** Shows a question only when an earlier choice question has one of the options chosen; null: always. */
export function setShowIf(form: FormDefinition, questionId: string, rule: { question: string; anyOf: string[] } | null): FormDefinition {
  return edited(form, (copy) => {
    const question = copy.questions.find((q) => q.id === questionId);
    if (!question) return;
    if (rule) question.showIf = rule;
    else delete question.showIf;
  });
}

/** The choice questions before this one, but not a background question: what a show-if rule may refer to. */
export function showIfCandidates(form: FormDefinition, questionId: string) {
  const index = form.questions.findIndex((q) => q.id === questionId);
  return form.questions
    .slice(0, Math.max(0, index))
    .filter(isChoiceQuestion)
    .filter((q) => q.type !== 'background');
}

/** A new language: its texts are missing until written, and it is not reviewed. */
export function addLanguage(form: FormDefinition, language: string): FormDefinition {
  return edited(form, (copy) => {
    if (copy.languages.includes(language)) return;
    const reviewedBefore = copy.reviewed ?? [...copy.languages];
    copy.languages.push(language);
    copy.reviewed = reviewedBefore;
  });
}

/** Removes a language and every text in it; the form's last language stays. */
export function removeLanguage(form: FormDefinition, language: string): FormDefinition {
  if (form.languages.length <= 1 || !form.languages.includes(language)) return form;
  return edited(form, (copy) => {
    const drop = (text: LocalizedText | undefined) => {
      if (text) delete text[language];
    };
    copy.languages = copy.languages.filter((code) => code !== language);
    if (copy.reviewed) copy.reviewed = copy.reviewed.filter((code) => code !== language);
    drop(copy.title);
    for (const question of copy.questions) {
      drop(question.title);
      drop(question.help);
      if (isChoiceQuestion(question)) for (const option of question.options) drop(option.label);
    }
  });
}

/** Marks a language's wording reviewed (it shows on kiosks once published) or not. */
export function setReviewed(form: FormDefinition, language: string, reviewed: boolean): FormDefinition {
  return edited(form, (copy) => {
    const now = new Set(copy.reviewed ?? copy.languages);
    if (reviewed) now.add(language);
    else now.delete(language);
    copy.reviewed = copy.languages.filter((code) => now.has(code));
  });
}
