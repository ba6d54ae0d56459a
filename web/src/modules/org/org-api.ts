import { useQuery } from '@tanstack/react-query';
import { get } from '../../api';

/** Shapes of the org module's API (server/src/modules/org) as the pages read them. */
export interface UnitAbilities {
  createChild: boolean;
  rename: boolean;
  move: boolean;
  close: boolean;
  managePartners: boolean;
  manageGrid: boolean;
}
export interface Unit {
  id: number;
  parentId: number | null;
  path: string;
  depth: number;
  type: 'committee' | 'general_branch' | 'direct_branch' | 'branch';
  branchKind: 'staff' | 'student' | 'joint' | null;
  name: string;
  code: string;
  partnerId: number | null;
  closedAt: string | null;
  createdAt: string;
  peopleCount: number;
  abilities: UnitAbilities;
}
export interface UnitHistoryItem {
  id: number;
  at: string;
  actorName: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
}
export interface Partner {
  id: number;
  name: string;
  kind: 'community' | 'village' | 'enterprise' | 'government';
  ownerUnitId: number;
  ownerUnitName: string;
  ownerPath: string;
  address: string;
  contactName: string;
  contactPhone: string;
  abilities: { update: boolean };
}
export interface GridUnit {
  id: number;
  name: string;
  kind: 'team' | 'class' | 'dorm' | 'club' | 'online';
  campus: string;
  ownerUnitId: number;
  ownerUnitName: string;
  ownerPath: string;
  coveringBranchId: number | null;
  coveringBranchName: string | null;
  coveringBranchClosedAt: string | null;
  contactPersonId: number | null;
  contactPersonName: string | null;
  abilities: { update: boolean };
}
export interface Coverage {
  unit: { id: number; name: string };
  total: number;
  covered: number;
  rate: number;
  uncovered: (Omit<GridUnit, 'abilities'> & { gap: 'no_branch' | 'no_contact' })[];
  byKind: { kind: GridUnit['kind']; total: number; covered: number }[];
}

export const unitsKey = (includeClosed: boolean) => ['units', { includeClosed }] as const;

/** Units the person can see, in tree order. Only `includeClosed=true` is sent: the server reads any value as true. */
export function useUnits(includeClosed = false) {
  return useQuery({
    queryKey: unitsKey(includeClosed),
    queryFn: () =>
      get<{ items: Unit[] }>(`/api/units${includeClosed ? '?includeClosed=true' : ''}`).then((r) => r.items),
    staleTime: 30_000,
  });
}

export function usePartners() {
  return useQuery({
    queryKey: ['partners'],
    queryFn: () => get<{ items: Partner[] }>('/api/partners').then((r) => r.items),
  });
}
