/** Shapes of GET /api/grants and GET /api/access/explain (server/src/modules/access). */
export interface Grant {
  id: number;
  personId: number;
  personName: string;
  staffNo: string;
  role: string;
  roleLabel: string;
  unitId: number;
  unitName: string;
  unitPath: string;
  unitClosedAt: string | null;
  validFrom: string;
  validTo: string | null;
  revokedAt: string | null;
  grantedByName: string | null;
  status: 'active' | 'future' | 'expired' | 'revoked' | 'unit_closed';
  statusLabel: string;
  abilities: { revoke: boolean };
}
export interface AccessReason {
  kind: 'system_admin' | 'grant';
  /** In Chinese; the parts below let the page say it in English. */
  label: string;
  role?: string;
  roleLabel?: string;
  unitName?: string;
  validFrom?: string;
  validTo?: string | null;
}
export interface PermissionExplanation {
  permission: string;
  label: string;
  scopes: { unitId: number | null; unitName: string; unitPath: string; reasons: AccessReason[] }[];
}
export interface Explanation {
  person: { id: number; name: string; unitId: number; unitName: string };
  isSystemAdmin: boolean;
  today: string;
  permissions: PermissionExplanation[];
}
export interface PersonOption {
  id: number;
  name: string;
  staffNo: string;
  unitName: string;
}
