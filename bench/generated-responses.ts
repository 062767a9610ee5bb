/**
 * Generated responses for the benchmarks: a year of varied answers, the same every run (a seeded
 * random source), stored straight in the database as the server would store them.
 */
import { FIRST_UNIT_ID } from '../src/domain/units';
import { defaultForm } from '../src/domain/default-form';
import { datesBetween } from '../src/domain/periods';
import type { FeedbackResponse } from '../src/domain/response';
import type { Database } from '../server/db/database';
import { storeResponses } from '../server/db/responses';

export const YEAR = datesBetween('2026-01-01', '2026-12-31');

/**
 * A deterministic, varied response: faces, meetings, needs, age groups, some free text. The i-th
 * of `count` falls on the year's days in order, as kiosks send them: day by day, so that a
 * database that keeps rows in arrival order (PostgreSQL's tables) has them as it would in use.
 */
function generated(i: number, count: number, random: () => number): FeedbackResponse {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const answers: FeedbackResponse['answers'] = { day: pick(['1', '2', '3', '4', '4', '5', '5']) };
  if (random() < 0.7) answers.met = [pick(['adult-social-work', 'health-station', 'addiction-services', 'shelter-home', 'day-centre-staff'])];
  if (answers.met && random() < 0.8) answers['got-help'] = pick(['yes', 'a-little', 'no', 'cant-say']);
  if (random() < 0.6) answers.needs = [...new Set([pick(['money', 'benefits', 'housing']), pick(['health', 'food', 'mental-wellbeing'])])];
  if (random() < 0.8) answers['age-group'] = pick(['under-30', '30-49', '50-or-over', '50-or-over', 'prefer-not-to-say']);
  if (random() < 0.05) answers['anything-else'] = pick(['Kiitos avusta', 'Ruoka oli hyvää', 'Lisää aukioloaikaa', 'Tack för hjälpen']);
  return {
    id: crypto.randomUUID(),
    formId: defaultForm.id,
    formVersion: defaultForm.version,
    language: pick(['fi', 'fi', 'fi', 'fi', 'fi', 'fi', 'fi', 'sv', 'en']),
    date: YEAR[Math.floor((i * YEAR.length) / count)]!,
    partOfDay: random() < 0.55 ? 'morning' : 'afternoon',
    answers,
  };
}

export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Stores `count` generated responses, 10,000 to a transaction, with their running counts. */
export async function fillWithResponses(db: Database, count: number, random: () => number): Promise<void> {
  for (let start = 0; start < count; start += 10_000) {
    const batch = Array.from({ length: Math.min(10_000, count - start) }, (_, i) => generated(start + i, count, random));
    await storeResponses(db, batch, () => defaultForm, FIRST_UNIT_ID);
  }
}
