import * as z from 'zod/mini';
import { identifier, languageCode } from './form-schema';

/**
 * Units (toimipiste): the day centres and other services of one welfare area. Each has its own
 * kiosks, day log, form and coordinators; a response belongs to the unit of the kiosk it came
 * from (the server adds it from the kiosk's enrollment).
 */

/** The unit an upgraded or new database starts with, unless the UNIT_NAME setting names it. */
export const FIRST_UNIT_NAME = 'Päiväkeskus';

/** A unit's name in each language it has one in; other languages show the Finnish one, or the first. */
export const unitNames = z.record(languageCode, z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(120)));
export type UnitNames = z.output<typeof unitNames>;

export const unit = z.strictObject({ id: identifier, names: unitNames });
export type Unit = z.output<typeof unit>;

/** The unit's name to show in `language`. */
export function unitName(names: UnitNames, language: string): string {
  return names[language] ?? names.fi ?? Object.values(names)[0] ?? '';
}

/**
 * A unit's id made from its name: lowercase letters, digits and hyphens, without accents
 * ("Rovaniemen päiväkeskus" → "rovaniemen-paivakeskus"), as form ids are.
 */
export function unitIdFrom(name: string): string {
  const id = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return id === '' ? 'unit' : id;
}

/** The units a request asks for: "a,b" in a query, each an id. */
export const unitList = z.pipe(
  z.string().check(z.maxLength(2000)),
  z.transform((text) => text.split(',').filter((id) => id !== '')),
);

export const ROLES = ['admin', 'coordinator', 'viewer'] as const;
/**
 * admin: an area administrator, who sees every unit and adds units and coordinators;
 * coordinator: a unit coordinator, who runs their units; viewer: dashboards and summaries only.
 */
export type Role = (typeof ROLES)[number];

/** A coordinator account as an area administrator manages it. */
export const coordinatorAccount = z.strictObject({
  username: z.string().check(z.regex(/^[\p{L}\p{N}._@-]{2,64}$/u, 'must be 2–64 letters, digits or . _ @ -')),
  role: z.enum(ROLES),
  /** A unit coordinator's or viewer's units; an area administrator has every unit and lists none. */
  units: z.array(identifier).check(z.maxLength(1000)),
});
export type CoordinatorAccountInput = z.output<typeof coordinatorAccount>;

/** The id of the unit a database starts with when UNIT_NAME is not set. */
export const FIRST_UNIT_ID = unitIdFrom(FIRST_UNIT_NAME);
