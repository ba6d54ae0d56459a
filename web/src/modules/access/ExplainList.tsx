import { List, Tag, Typography } from 'antd';
import { useDomainLabels } from '../../domain-labels';
import { useMessages } from '../../i18n';
import type { AccessReason, PermissionExplanation } from './access-api';
import { accessMessages } from './messages';

/** Each permission, the subtrees it reaches, and the grants that give it there — readable at phone width. */
export function ExplainList({ permissions }: { permissions: PermissionExplanation[] }) {
  const t = useMessages(accessMessages);
  const labels = useDomainLabels();
  // Said from its parts, so it reads in the chosen language (the server's `label` is Chinese).
  const reason = (r: AccessReason) => {
    if (r.kind === 'system_admin') return t('reasonAdmin');
    if (!r.role || !r.unitName || !r.validFrom) return r.label;
    const role = labels.role(r.role, r.roleLabel ?? r.role);
    const vars = { unit: r.unitName, role, from: r.validFrom, to: r.validTo ?? '' };
    return t(r.validTo ? 'reasonGrant' : 'reasonGrantOpen', vars);
  };
  return (
    <List
      size="small"
      dataSource={permissions}
      data-testid="explain-list"
      renderItem={(p) => (
        <List.Item>
          <div style={{ width: '100%' }}>
            <Typography.Text strong>{labels.permission(p.permission, p.label)}</Typography.Text>{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.permission}
            </Typography.Text>
            {p.scopes.length === 0 ? (
              <div>
                <Typography.Text type="secondary">{t('none')}</Typography.Text>
              </div>
            ) : (
              p.scopes.map((s) => (
                <div key={s.unitPath} style={{ marginTop: 4 }}>
                  <Tag color="volcano" style={{ whiteSpace: 'normal' }}>
                    {s.unitId === null ? t('allUnits') : s.unitName}
                  </Tag>
                  <Typography.Text type="secondary">{s.reasons.map(reason).join(t('reasonSeparator'))}</Typography.Text>
                </div>
              ))
            )}
          </div>
        </List.Item>
      )}
    />
  );
}
