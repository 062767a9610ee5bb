import * as z from 'zod/mini';
import type { $RefinementCtx } from 'zod/v4/core';
import { PICTURE_NAMES } from './pictures';
import './schema-messages';
import { isChoiceQuestion } from './form-text';

// The helpers that need no validation live apart, so the start screen loads without zod.
export { isChoiceQuestion, localize, shownLanguages } from './form-text';

/** Ids of forms, questions and options: short, stable, safe in CSV headers and URLs. */
export const identifier = z.string().check(
  z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1–40 characters: lowercase letters, digits or hyphens'),
);

export const languageCode = z.string().check(
  z.regex(/^[a-z]{2,3}$/, 'must be a two- or three-letter language code such as "fi"'),
);

/** Every text a visitor sees, one entry per language of the form. */
export const localizedText = z.record(
  languageCode,
  z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(500)),
);

const picture = z.enum(PICTURE_NAMES);

export const choiceOption = z.strictObject({
  id: identifier,
  label: localizedText,
  picture: z.optional(picture),
  /** Choosing it clears the other choices of a multiple choice ("Nobody"). */
  exclusive: z.optional(z.boolean()),
});

/** Show a question only when an earlier choice question has one of the given options chosen. */
export const showIfRule = z.strictObject({
  question: identifier,
  anyOf: z.array(identifier).check(z.minLength(1)),
});

const questionBase = {
  id: identifier,
  title: localizedText,
  help: z.optional(localizedText),
  picture: z.optional(picture),
  /** Product rule: every question can be skipped, so forms should leave this false. */
  required: z._default(z.boolean(), false),
  showIf: z.optional(showIfRule),
};

const options = z.array(choiceOption).check(z.minLength(2), z.maxLength(12));

export const FACE_SCALE_OPTION_IDS = ['1', '2', '3', '4', '5'] as const;
export const YES_NO_OPTION_IDS = ['yes', 'a-little', 'no', 'cant-say'] as const;
export const PREFER_NOT_TO_SAY = 'prefer-not-to-say';

function hasExactlyOptions(ids: readonly string[]) {
  return z.refine<{ options: { id: string }[] }>(
    (question) =>
      question.options.length === ids.length && question.options.every((option, i) => option.id === ids[i]),
    `options must be exactly ${ids.join(', ')}, in this order`,
  );
}

/** Five faces from worst (1) to best (5); each face always has a word beside it. */
const faceScaleQuestion = z
  .strictObject({ ...questionBase, type: z.literal('face-scale'), options })
  .check(hasExactlyOptions(FACE_SCALE_OPTION_IDS));

const singleChoiceQuestion = z.strictObject({ ...questionBase, type: z.literal('single-choice'), options });

const multipleChoiceQuestion = z.strictObject({ ...questionBase, type: z.literal('multiple-choice'), options });

/** Yes / a little / no / can't say, with wording the form may tune per question. */
const yesNoQuestion = z
  .strictObject({ ...questionBase, type: z.literal('yes-no'), options })
  .check(hasExactlyOptions(YES_NO_OPTION_IDS));

/** A coarse background question (age group...): always offers "I'd rather not say". */
const backgroundQuestion = z
  .strictObject({ ...questionBase, type: z.literal('background'), options })
  .check(
    z.refine(
      (question) => question.options.some((option) => option.id === PREFER_NOT_TO_SAY),
      `a background question must offer the option "${PREFER_NOT_TO_SAY}"`,
    ),
  );

const freeTextQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('free-text'),
  maxLength: z._default(z.int().check(z.gte(1), z.lte(2000)), 1000),
});

export const question = z.discriminatedUnion('type', [
  faceScaleQuestion,
  singleChoiceQuestion,
  multipleChoiceQuestion,
  yesNoQuestion,
  backgroundQuestion,
  freeTextQuestion,
]);

const formObject = z.strictObject({
  id: identifier,
  version: z.int().check(z.gte(1)),
  languages: z.array(languageCode).check(z.minLength(1)),
  /**
   * The languages whose wording a coordinator has marked reviewed; only these show on a kiosk
   * (a new translation waits for a native speaker's review). Left out: all are reviewed.
   */
  reviewed: z.optional(z.array(languageCode)),
  title: localizedText,
  questions: z.array(question).check(z.minLength(1), z.maxLength(50)),
});

export const formDefinition = formObject.check(z.superRefine(checkConsistency));

/**
 * A form's structure without the rules across fields: what a draft in the making is read
 * with (its texts may be incomplete), defaults filled in. Check it with checkDraft first.
 */
export const formStructure = formObject;

export type FormDefinition = z.output<typeof formDefinition>;
export type Question = FormDefinition['questions'][number];
export type ChoiceQuestion = Exclude<Question, { type: 'free-text' }>;
export type LocalizedText = z.output<typeof localizedText>;

/** Rules that span several fields: unique ids, complete translations, show-if references. */
function checkConsistency(form: z.output<typeof formObject>, ctx: $RefinementCtx<z.output<typeof formObject>>) {
  const report = (message: string, path: (string | number)[]) =>
    ctx.addIssue({ code: 'custom', message, path, input: form });

  const languages = new Set(form.languages);
  if (languages.size !== form.languages.length) report('languages must not repeat', ['languages']);
  if (form.reviewed) {
    for (const language of form.reviewed) {
      if (!languages.has(language)) report(`reviewed language "${language}" is not a language of this form`, ['reviewed']);
    }
    if (form.reviewed.length === 0) report('at least one language must be reviewed, or no visitor could answer', ['reviewed']);
  }

  const checkText = (text: Record<string, string> | undefined, path: (string | number)[]) => {
    if (!text) return;
    for (const language of form.languages) {
      if (!text[language]) report(`missing text in language "${language}"`, path);
    }
    for (const language of Object.keys(text)) {
      if (!languages.has(language)) report(`text in "${language}", which is not a language of this form`, path);
    }
  };

  const backgrounds = form.questions.filter((q) => q.type === 'background');
  if (backgrounds.length > 1) report('a form may have at most one background question', ['questions']);

  checkText(form.title, ['title']);
  const seen = new Map<string, Question>();
  form.questions.forEach((q, qi) => {
    const at = ['questions', qi];
    if (seen.has(q.id)) report(`question id "${q.id}" is used twice`, [...at, 'id']);
    checkText(q.title, [...at, 'title']);
    checkText(q.help, [...at, 'help']);
    if (isChoiceQuestion(q)) {
      const optionIds = new Set<string>();
      q.options.forEach((option, oi) => {
        if (optionIds.has(option.id)) report(`option id "${option.id}" is used twice`, [...at, 'options', oi, 'id']);
        optionIds.add(option.id);
        checkText(option.label, [...at, 'options', oi, 'label']);
        if (option.exclusive && q.type !== 'multiple-choice') {
          report('only a multiple-choice option can be exclusive', [...at, 'options', oi, 'exclusive']);
        }
      });
    }
    if (q.showIf) {
      const target = seen.get(q.showIf.question);
      if (!target) {
        report(`show-if refers to "${q.showIf.question}", which is not an earlier question`, [...at, 'showIf', 'question']);
      } else if (!isChoiceQuestion(target)) {
        report(`show-if refers to "${target.id}", which is not a choice question`, [...at, 'showIf', 'question']);
      } else if (target.type === 'background') {
        // Who answers the follower would tell the age group, and its counts are not protected.
        report(`show-if refers to "${target.id}", a background question: its answers must not steer the form`, [...at, 'showIf', 'question']);
      } else {
        q.showIf.anyOf.forEach((optionId, i) => {
          if (!target.options.some((option) => option.id === optionId)) {
            report(`show-if option "${optionId}" is not an option of "${target.id}"`, [...at, 'showIf', 'anyOf', i]);
          }
        });
      }
    }
    seen.set(q.id, q);
  });
}

/** Parses a form definition, or throws an error that lists every problem with its path. */
export function parseFormDefinition(input: unknown): FormDefinition {
  const result = formDefinition.safeParse(input);
  if (!result.success) throw new Error(`Invalid form definition:\n${z.prettifyError(result.error)}`);
  return result.data;
}
