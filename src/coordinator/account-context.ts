import { createContext, useContext } from 'react';
import type { CoordinatorSession } from '../domain/coordinator-api';
import { unitName, type Unit } from '../domain/units';

/** The signed-in coordinator: their role and the units they may see, for every view. */
export const AccountContext = createContext<CoordinatorSession>({ username: '', role: 'viewer', units: [] });

export function useAccount(): CoordinatorSession {
  return useContext(AccountContext);
}

/** A unit's name in the coordinator's language, by id. */
export function nameOfUnit(units: readonly Unit[], id: string, language: string): string {
  const unit = units.find((u) => u.id === id);
  return unit ? unitName(unit.names, language) : id;
}
