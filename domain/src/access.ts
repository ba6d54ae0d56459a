import { z } from 'zod';
import {
  GRANTABLE_BY,
  PERMISSIONS,
  type Permission,
  ROLE_LABELS,
  ROLE_NAMES,
  ROLE_PERMISSIONS,
  type RoleName,
} from './roles';

/** Access: role grants (a role on a unit covers its subtree, between two dates) and "why can they do this". */

export const GRANT_STATUSES = ['active', 'future', 'expired', 'revoked', 'unit_closed'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];
export const GRANT_STATUS_LABELS: Record<GrantStatus, string> = {
  active: '有效',
  future: '尚未生效',
  expired: '已到期',
  revoked: '已收回',
  unit_closed: '所在组织已撤销',
};
export const GRANT_STATUS_LABELS_EN: Record<GrantStatus, string> = {
  active: 'Active',
  future: 'Not yet in force',
  expired: 'Expired',
  revoked: 'Revoked',
  unit_closed: 'Unit closed',
};

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
export const grantInput = z
  .object({
    personId: z.number().int().positive(),
    role: z.enum(ROLE_NAMES),
    unitId: z.number().int().positive(),
    validFrom: isoDate,
    validTo: isoDate.nullable().default(null),
  })
  .refine((g) => g.validTo === null || g.validTo >= g.validFrom, {
    path: ['validTo'],
    message: '结束日期不能早于开始日期',
  });
export type GrantInput = z.infer<typeof grantInput>;
export const grantRevokeInput = z.object({ reason: z.string().trim().min(1, '请填写收回原因').max(500) });
export const grantsQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  personId: z.coerce.number().int().positive().optional(),
  includeInactive: z.stringbool().default(false),
});

/** A grant as stored, with its unit: enough to tell whether it is in force and what it confers. */
export interface GrantFact {
  id: number;
  role: string;
  unitId: number;
  unitName: string;
  unitPath: string;
  unitClosedAt: string | null;
  validFrom: string;
  validTo: string | null;
  revokedAt: string | null;
}

/** Whether a grant is in force on `today` (YYYY-MM-DD), and if not, the first reason why. */
export function grantStatus(g: GrantFact, today: string): GrantStatus {
  if (g.revokedAt) return 'revoked';
  if (g.unitClosedAt) return 'unit_closed';
  if (g.validFrom > today) return 'future';
  if (g.validTo !== null && g.validTo < today) return 'expired';
  return 'active';
}

const permissionsOf = (role: string): readonly Permission[] => ROLE_PERMISSIONS[role as RoleName] ?? [];
const covers = (scopePath: string, path: string) => path.startsWith(scopePath);

/**
 * Roles a person holding `grants` may hand out on the unit at `unitPath`: for each of their grants that
 * covers the unit and carries grants.manage, that role's GRANTABLE_BY list. A system admin may grant any role.
 */
export function grantableRoles(
  grants: readonly { role: string; unitPath: string }[],
  isSystemAdmin: boolean,
  unitPath: string,
): RoleName[] {
  if (isSystemAdmin) return [...ROLE_NAMES];
  const allowed = new Set<RoleName>();
  for (const g of grants) {
    if (!covers(g.unitPath, unitPath) || !permissionsOf(g.role).includes('grants.manage')) continue;
    for (const r of GRANTABLE_BY[g.role as RoleName] ?? []) allowed.add(r);
  }
  return ROLE_NAMES.filter((r) => allowed.has(r));
}

export type AccessReason =
  | { kind: 'system_admin'; label: string }
  | {
      kind: 'grant';
      label: string;
      grantId: number;
      role: string;
      roleLabel: string;
      unitId: number;
      unitName: string;
      validFrom: string;
      validTo: string | null;
    };
export interface AccessScope {
  /** null: the whole tree (system administrator). */
  unitId: number | null;
  unitName: string;
  unitPath: string;
  reasons: AccessReason[];
}
export interface PermissionExplanation {
  permission: Permission;
  label: string;
  scopes: AccessScope[];
}

export const ALL_UNITS = '全部组织';

function grantReason(g: GrantFact): AccessReason {
  const roleLabel = ROLE_LABELS[g.role as RoleName] ?? g.role;
  const until = g.validTo ? `至 ${g.validTo}` : '起长期有效';
  return {
    kind: 'grant',
    label: `在「${g.unitName}」担任${roleLabel}（${g.validFrom} ${until}）`,
    grantId: g.id,
    role: g.role,
    roleLabel,
    unitId: g.unitId,
    unitName: g.unitName,
    validFrom: g.validFrom,
    validTo: g.validTo,
  };
}

/**
 * What a person can see and do and why: for every permission, the subtrees where they hold it (a subtree
 * inside another is folded into it) and every grant in force that confers it there.
 */
export function explainAccess(
  grants: readonly GrantFact[],
  opts: { isSystemAdmin: boolean; today: string },
): PermissionExplanation[] {
  const active = grants.filter((g) => grantStatus(g, opts.today) === 'active');
  return (Object.keys(PERMISSIONS) as Permission[]).map((permission) => {
    const conferring = active
      .filter((g) => permissionsOf(g.role).includes(permission))
      .sort((a, b) => a.unitPath.length - b.unitPath.length || a.id - b.id);
    const scopes: AccessScope[] = [];
    if (opts.isSystemAdmin) {
      scopes.push({
        unitId: null,
        unitName: ALL_UNITS,
        unitPath: '/',
        reasons: [{ kind: 'system_admin', label: '系统管理员可管理全部组织' }, ...conferring.map(grantReason)],
      });
    } else {
      for (const g of conferring) {
        const scope = scopes.find((s) => covers(s.unitPath, g.unitPath));
        if (scope) scope.reasons.push(grantReason(g));
        else scopes.push({ unitId: g.unitId, unitName: g.unitName, unitPath: g.unitPath, reasons: [grantReason(g)] });
      }
      scopes.sort((a, b) => (a.unitPath < b.unitPath ? -1 : a.unitPath > b.unitPath ? 1 : 0));
    }
    return { permission, label: PERMISSIONS[permission], scopes };
  });
}
