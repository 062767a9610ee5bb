import type { Role } from '../src/domain/units';

/**
 * Who may do what: the one place that decides it. Every coordinator route names the capability
 * it needs (routes/coordinator-auth.ts refuses to register one that does not), and each request
 * is then limited to the units the user has: an area administrator has every unit.
 */
export const CAPABILITIES = {
  /** Signed in at all: who am I, one's own password, the units and forms one may choose from. */
  account: ['admin', 'coordinator', 'viewer'],
  /** The dashboard's counts and charts. */
  dashboard: ['admin', 'coordinator', 'viewer'],
  /** The summary download (counts, protected age groups). */
  summary: ['admin', 'coordinator', 'viewer'],
  /** The responses file: a row per response. */
  responses: ['admin', 'coordinator'],
  /** Free texts: the list, their file and redaction. */
  'free-texts': ['admin', 'coordinator'],
  /** The day log: reading, saving and its file. */
  'day-log': ['admin', 'coordinator'],
  /** Kiosks: their state, pairing codes, revocation; and the warnings about them. */
  kiosks: ['admin', 'coordinator'],
  /** Drafts, preview links, reviewers' comments and publishing. */
  forms: ['admin', 'coordinator'],
  /** Notices on the kiosks' start screens: writing, previewing, publishing. */
  notices: ['admin', 'coordinator'],
  /** The opening hours of one's units and their kiosks. */
  'opening-hours': ['admin', 'coordinator'],
  /** The audit log of one's units. */
  audit: ['admin', 'coordinator'],
  /** Adding and renaming units, adding coordinators and setting their roles and units. */
  administration: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

/** Whether a role has a capability. */
export function may(role: Role, capability: Capability): boolean {
  return (CAPABILITIES[capability] as readonly Role[]).includes(role);
}

/** What a signed-in coordinator may reach: their role and units (every unit for an area administrator). */
export interface Access {
  username: string;
  role: Role;
  units: string[];
}

/** A request for units the user does not have: the same answer whether the unit exists or not. */
export class UnitNotFound extends Error {
  readonly statusCode = 404;
  constructor(unit: string) {
    super(`There is no unit ${unit} among the units you may see.`);
  }
}

/**
 * The units a request is about: those it asks for, each of which the user must have (else 404,
 * as for a unit that does not exist), or all of the user's when it asks for none.
 */
export function unitsAskedFor(access: Access, asked: readonly string[] | undefined): string[] {
  if (asked === undefined || asked.length === 0) return access.units;
  const mine = new Set(access.units);
  const missing = asked.find((unit) => !mine.has(unit));
  if (missing !== undefined) throw new UnitNotFound(missing);
  return [...new Set(asked)].sort();
}

/** Whether the user has every one of these units. */
export function hasUnits(access: Access, units: readonly string[]): boolean {
  const mine = new Set(access.units);
  return units.every((unit) => mine.has(unit));
}
