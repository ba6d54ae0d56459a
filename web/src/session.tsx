import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { ApiError, get, type Me, post, setCsrfToken } from './api';

/** A unit the person can pick as the default filter of unit-based pages. */
export interface UnitOption {
  id: number;
  name: string;
}

export interface Session {
  /** null when not signed in. */
  me: Me | null;
  /** The units the header offers: every unit the person holds a grant on, then their own unit. */
  units: UnitOption[];
  /** The unit pages use as their default filter. */
  currentUnit: UnitOption | null;
  setCurrentUnitId(id: number): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** Signed-in pages: the session with `me` present. */
export function useSession(): Session & { me: Me } {
  const session = useContext(SessionContext);
  if (!session?.me) throw new Error('useSession() is for pages shown to a signed-in person');
  return session as Session & { me: Me };
}
/** Any page: the person, or null before sign-in. */
export const useMe = () => useContext(SessionContext)?.me ?? null;

export const ME_KEY = ['me'] as const;

/** GET /api/me; a 401 means "not signed in" (null), not an error. Keeps the CSRF token for writes. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await get<Me>('/api/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function unitOptions(me: Me): UnitOption[] {
  const seen = new Map<number, UnitOption>();
  for (const r of me.roles) if (!seen.has(r.unitId)) seen.set(r.unitId, { id: r.unitId, name: r.unitName });
  if (!seen.has(me.person.unitId)) seen.set(me.person.unitId, { id: me.person.unitId, name: me.person.unitName });
  return [...seen.values()];
}

const unitKey = (username: string) => `pioneer.unit.${username}`;
function readStoredUnit(username: string): number | null {
  try {
    const v = Number(localStorage.getItem(unitKey(username)));
    return Number.isInteger(v) && v > 0 ? v : null;
  } catch {
    return null;
  }
}

export function useMeQuery() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Number.POSITIVE_INFINITY, retry: 1 });
}

export function SessionProvider({ me, children }: { me: Me | null; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<number | null>(null);
  const units = useMemo(() => (me ? unitOptions(me) : []), [me]);

  // The stored choice wins while it is still one of the person's units; otherwise the broadest grant
  // (roles come in tree order, so the first is the highest), or the person's own unit.
  const chosenId = picked ?? (me ? readStoredUnit(me.username) : null);
  const currentUnit = units.find((u) => u.id === chosenId) ?? units[0] ?? null;

  const setCurrentUnitId = useCallback(
    (id: number) => {
      setPicked(id);
      try {
        if (me) localStorage.setItem(unitKey(me.username), String(id));
      } catch {
        // Storage refused: the choice lasts for this page only.
      }
    },
    [me],
  );

  const signOut = useCallback(async () => {
    await post('/api/auth/logout').catch(() => {});
    setCsrfToken(null);
    setPicked(null);
    // Forget the person first (the router then leaves for sign-in), then everything they had loaded.
    queryClient.setQueryData(ME_KEY, null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  }, [queryClient]);

  const value = useMemo<Session>(
    () => ({ me, units, currentUnit, setCurrentUnitId, signOut }),
    [me, units, currentUnit, setCurrentUnitId, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
