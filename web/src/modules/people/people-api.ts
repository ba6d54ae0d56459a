import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post, put } from '../../api';

/** Shapes of the people module's API (server/src/modules/people) as the pages read them. */
export interface PersonAbilities {
  update: boolean;
  transfer: boolean;
  viewSensitive: boolean;
}
export interface Person {
  id: number;
  name: string;
  gender: string;
  kind: string;
  staffNo: string;
  /** Masked (`320102********1234`) unless the viewer handles this person; `masked` says which. */
  idNumber: string | null;
  phone: string | null;
  masked: boolean;
  politicalStatus: string;
  cadreLevel: string;
  fulltimePartyWorker: boolean;
  skills: string[];
  specialty: string;
  department: string;
  major: string | null;
  campus: string;
  developmentStage: string;
  joinedPartyOn: string | null;
  unitId: number;
  unitName: string;
  unitPath: string;
  createdAt: string;
  updatedAt: string;
  pendingTransferId: number | null;
  abilities: PersonAbilities;
}
export interface Transfer {
  id: number;
  personId: number;
  personName: string;
  staffNo: string;
  personKind: string;
  politicalStatus: string;
  fromUnitId: number;
  fromUnitName: string;
  toUnitId: number;
  toUnitName: string;
  status: 'pending' | 'approved' | 'rejected';
  reason: string;
  requestedByName: string;
  requestedAt: string;
  decidedByName: string | null;
  decisionNote: string | null;
  decidedAt: string | null;
  abilities?: { approve: boolean; reject: boolean };
}
export interface Profile extends Person {
  unitTrail: { id: number; name: string; type: string }[];
  roles: {
    grantId: number;
    role: string;
    roleLabel: string;
    unitId: number;
    unitName: string;
    validFrom: string;
    validTo: string | null;
  }[];
  pendingTransfer: Transfer | null;
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export interface TransferTarget {
  id: number;
  name: string;
  type: string;
  branchKind: string | null;
  parentName: string | null;
}

/** The list's filters as they appear in the address bar (and in the export link). */
export const FILTER_KEYS = [
  'q',
  'unitId',
  'kind',
  'politicalStatus',
  'cadreLevel',
  'fulltimePartyWorker',
  'skill',
  'campus',
  'developmentStage',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export function filterQuery(filters: Filters, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const v = filters[key];
    if (v !== undefined && v !== '') params.set(key, v);
  }
  for (const [k, v] of Object.entries(extra)) params.set(k, String(v));
  return params.toString();
}

/** Column sort of the list (server-side; the export takes the same). */
export interface PeopleSort {
  sort?: 'unit' | 'name' | 'staffNo' | 'createdAt';
  order?: 'asc' | 'desc';
}
export const sortQuery = (s: PeopleSort): Record<string, string> =>
  s.sort && s.order ? { sort: s.sort, order: s.order } : {};

export function usePeople(filters: Filters, page: number, pageSize: number, sort: PeopleSort = {}) {
  return useQuery({
    queryKey: ['people', filters, page, pageSize, sort.sort, sort.order],
    queryFn: () => get<Page<Person>>(`/api/people?${filterQuery(filters, { page, pageSize, ...sortQuery(sort) })}`),
    placeholderData: (previous) => previous,
  });
}

export function useProfile(id: number) {
  return useQuery({ queryKey: ['person', id], queryFn: () => get<Profile>(`/api/people/${id}`) });
}

export function useTransfers(direction: 'incoming' | 'outgoing', status: string | undefined, page: number) {
  const q = new URLSearchParams({ direction, page: String(page), pageSize: '20' });
  if (status) q.set('status', status);
  return useQuery({
    queryKey: ['transfers', direction, status ?? '', page],
    queryFn: () => get<Page<Transfer>>(`/api/transfers?${q}`),
    placeholderData: (previous) => previous,
  });
}

export function useTransferTargets(search: string) {
  return useQuery({
    queryKey: ['transfer-targets', search],
    queryFn: () =>
      get<{ items: TransferTarget[] }>(`/api/transfer-targets${search ? `?q=${encodeURIComponent(search)}` : ''}`).then(
        (r) => r.items,
      ),
    placeholderData: (previous) => previous,
  });
}

/** After any write about people: lists, the profile and transfers may all have changed. */
function useInvalidatePeople() {
  const qc = useQueryClient();
  return () =>
    Promise.all(['people', 'person', 'transfers', 'units'].map((key) => qc.invalidateQueries({ queryKey: [key] })));
}

export function useUpdatePerson(id: number) {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => put<{ id: number; changed: string[] }>(`/api/people/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useRequestTransfer(personId: number) {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: (body: { toUnitId: number; reason: string }) => post(`/api/people/${personId}/transfers`, body),
    onSuccess: invalidate,
  });
}

export function useDecideTransfer() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ id, decision, note }: { id: number; decision: 'approve' | 'reject'; note: string }) =>
      post(`/api/transfers/${id}/${decision}`, { note }),
    onSuccess: invalidate,
  });
}
