import { List, Tag, Typography } from 'antd';
import { useMessages } from '../../i18n';
import type { PermissionExplanation } from './access-api';
import { accessMessages } from './messages';

/** Each permission, the subtrees it reaches, and the grants that give it there — readable at phone width. */
export function ExplainList({ permissions }: { permissions: PermissionExplanation[] }) {
  const t = useMessages(accessMessages);
  return (
    <List
      size="small"
      dataSource={permissions}
      data-testid="explain-list"
      renderItem={(p) => (
        <List.Item>
          <div style={{ width: '100%' }}>
            <Typography.Text strong>{p.label}</Typography.Text>{' '}
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
                    {s.unitName}
                  </Tag>
                  <Typography.Text type="secondary">{s.reasons.map((r) => r.label).join('；')}</Typography.Text>
                </div>
              ))
            )}
          </div>
        </List.Item>
      )}
    />
  );
}
