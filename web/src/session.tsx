import { ROLE_NAMES, type RoleName } from '@pioneer/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { get, type Me, post, setCsrfToken } from './api';

/** A unit the person can pick as the default filter of unit-based pages. */
export interface UnitOption {
  id: number;
  name: string;
  /** The person's highest role on this unit (absent for their own unit when they hold no grant there). */
  role?: string;
  roleLabel?: string;
}

export interface Session {
  /** null when not signed in. */
  me: Me | null;
  /** The units the header offers: units of the person's grants, highest role first, then their own unit. */
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

/**
 * GET /api/session: the person, or `{ signedIn: false }` with a 200 — so a signed-out visit to a public page
 * logs no failed request. Keeps the CSRF token for writes.
 */
export async function fetchMe(): Promise<Me | null> {
  const session = await get<{ signedIn: false } | ({ signedIn: true } & Me)>('/api/session');
  if (!session.signedIn) {
    setCsrfToken(null);
    return null;
  }
  const { signedIn: _signedIn, ...me } = session;
  setCsrfToken(me.csrfToken);
  return me;
}

/** Rank of a role: its place in ROLE_NAMES (the committee's offices first, the plain member last). */
const roleRank = (role: string) => {
  const i = ROLE_NAMES.indexOf(role as RoleName);
  return i < 0 ? ROLE_NAMES.length : i;
};
const depth = (path: string) => path.split('/').filter(Boolean).length;

/**
 * The units the person can pick as current: the units of their grants, highest role first (a broader unit
 * first among equal roles), then their own unit. The first is the default, so a branch secretary who is a
 * plain member of another branch lands on the branch they lead.
 */
export function unitOptions(me: Me): UnitOption[] {
  const grants = [...me.roles].sort(
    (a, b) => roleRank(a.role) - roleRank(b.role) || depth(a.unitPath) - depth(b.unitPath) || a.grantId - b.grantId,
  );
  const seen = new Map<number, UnitOption>();
  for (const r of grants)
    if (!seen.has(r.unitId))
      seen.set(r.unitId, { id: r.unitId, name: r.unitName, role: r.role, roleLabel: r.roleLabel });
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

  // The stored choice wins while it is still one of the person's units; otherwise the unit of their highest
  // role (unitOptions puts it first), or their own unit.
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
