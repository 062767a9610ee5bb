import { FORM_TITLE_PART, KIOSK_SCREEN_TEXTS, type KioskScreen } from '../domain/draft-comment';
import { isChoiceQuestion, type FormDefinition, type LocalizedText, type Question } from '../domain/form-schema';
import type { KioskNotice } from '../domain/notice';

/** What a comment is about, as the comment carries it. */
export type CommentTarget = { question: string; option?: string } | { part: string } | { notice: string };

/** One text a reviewer sees and may comment on, in whichever language. */
export interface ReviewText {
  /** Unique on its page, for React and for the page to say which text a comment was on. */
  key: string;
  target: CommentTarget;
  /** What kind of text it is, for its label: the form's title, a question's, an option's... */
  kind: 'form-title' | 'question' | 'help' | 'option' | 'kiosk' | 'notice';
  /** The option's number within its question. */
  number?: number;
  /** The draft's own texts; absent for the kiosk's texts, which come from its language files. */
  text?: LocalizedText;
  /** The kiosk text's key in its language files. */
  kioskKey?: string;
}

/** One screen's worth of texts, in the reader's order. */
export interface ReviewPage {
  id: string;
  /** The kind of screen, for its heading. */
  screen: KioskScreen | 'question-texts';
  question?: Question;
  texts: ReviewText[];
}

/** Which screen the preview's kiosk shows, as the comment dialog needs it. */
export type ShownScreen = { screen: Exclude<KioskScreen, 'question' | 'idle'> } | { screen: 'question'; question: string };

const kioskTexts = (screen: KioskScreen): ReviewText[] =>
  KIOSK_SCREEN_TEXTS[screen].map((key) => ({ key, target: { part: key }, kind: 'kiosk' as const, kioskKey: key }));

function questionTexts(question: Question): ReviewText[] {
  return [
    { key: `q:${question.id}`, target: { question: question.id }, kind: 'question', text: question.title },
    ...(question.help ? [{ key: `q:${question.id}#help`, target: { question: question.id }, kind: 'help' as const, text: question.help }] : []),
    ...(isChoiceQuestion(question)
      ? question.options.map((option, i) => ({
          key: `q:${question.id}/${option.id}`,
          target: { question: question.id, option: option.id },
          kind: 'option' as const,
          number: i + 1,
          text: option.label,
        }))
      : []),
  ];
}

// Texts of the question screens that a question of this type shows.
const FREE_TEXT_ONLY = new Set(['question.freeTextWarning', 'question.freeTextOptional', 'question.charactersLeft']);
const CHOICES_ONLY = new Set(['question.moreBelow']);
const questionScreenTexts = (question: Question) =>
  kioskTexts('question').filter((text) => !(question.type === 'free-text' ? CHOICES_ONLY : FREE_TEXT_ONLY).has(text.key));

// A notice's link is for its notice: the reviewer comments on that alone, whatever screen shows.
const noticeTexts = (notices: KioskNotice[]): ReviewText[] =>
  notices.map((notice) => ({ key: `notice:${notice.id}`, target: { notice: notice.id }, kind: 'notice' as const, text: notice.texts }));

const formTitle = (form: FormDefinition): ReviewText => ({ key: FORM_TITLE_PART, target: { part: FORM_TITLE_PART }, kind: 'form-title', text: form.title });

/**
 * Every text of the preview, screen by screen as a visitor meets them: the start screen with the
 * form's title, each question with its options, the question screens' buttons, sending, thanks,
 * the idle warning and the two statements. The reviewer's simple view shows one page at a time.
 */
export function reviewPages(form: FormDefinition, notices: KioskNotice[] = []): ReviewPage[] {
  if (notices.length > 0) return [{ id: 'start', screen: 'start', texts: noticeTexts(notices) }];
  return [
    { id: 'start', screen: 'start', texts: [formTitle(form), ...kioskTexts('start')] },
    ...form.questions.map((question) => ({ id: `q:${question.id}`, screen: 'question' as const, question, texts: questionTexts(question) })),
    { id: 'question-texts', screen: 'question-texts', texts: kioskTexts('question') },
    ...(['review', 'thanks', 'idle', 'closed', 'privacy', 'accessibility'] as const).map((screen) => ({ id: screen, screen, texts: kioskTexts(screen) })),
  ];
}

/** The page of the simple view that shows what the kiosk view shows now. */
export function pageOf(shown: ShownScreen): string {
  return shown.screen === 'question' ? `q:${shown.question}` : shown.screen;
}

/**
 * The texts on the kiosk's screen now, for "comment on this screen": a question screen's own
 * texts first, then its buttons, then the idle warning (which a reviewer seldom waits for).
 */
export function textsOnScreen(form: FormDefinition, shown: ShownScreen, notices: KioskNotice[] = []): ReviewText[] {
  if (notices.length > 0) return noticeTexts(notices);
  if (shown.screen === 'start') return [formTitle(form), ...kioskTexts('start')];
  if (shown.screen === 'question') {
    const question = form.questions.find((q) => q.id === shown.question);
    return question ? [...questionTexts(question), ...questionScreenTexts(question), ...kioskTexts('idle')] : kioskTexts('question');
  }
  if (shown.screen === 'review') return [...kioskTexts('review'), ...kioskTexts('idle')];
  return kioskTexts(shown.screen);
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

// Sample values for the kiosk texts that take them ("Question 2 / 5", "10 seconds left").
const SAMPLE_VALUES = { count: 10, current: 2, total: 5 };

/** The text in one language; undefined where the draft has none in it yet. */
export function textIn(text: ReviewText, language: string, t: Translate): string | undefined {
  if (text.text) return text.text[language];
  return t(text.kioskKey!, { ...SAMPLE_VALUES, lng: language });
}

/** What the text is, in the reader's language: "The form's title", "Option 2", "Kiosk text". */
export function labelOf(text: ReviewText, t: Translate): string {
  switch (text.kind) {
    case 'form-title':
      return t('preview.formTitle');
    case 'question':
      return t('preview.title');
    case 'help':
      return t('preview.help');
    case 'option':
      return t('preview.option', { number: text.number });
    case 'kiosk':
      return t('preview.kioskText');
    case 'notice':
      return t('preview.notice');
  }
}
