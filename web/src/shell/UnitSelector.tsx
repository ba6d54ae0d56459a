import { ApartmentOutlined } from '@ant-design/icons';
import { Select, Space, Typography } from 'antd';
import { shellMessages, useMessages } from '../i18n';
import { useSession } from '../session';

/**
 * The current unit: pages use it as their default unit filter. A person with grants on several units picks
 * one here; everyone else sees the one unit they belong to.
 */
export function UnitSelector({ light = false, block = false }: { light?: boolean; block?: boolean }) {
  const { units, currentUnit, setCurrentUnitId } = useSession();
  const t = useMessages(shellMessages);
  if (!currentUnit) return null;
  const color = light ? '#fff' : undefined;
  return (
    <Space size={6} style={{ minWidth: 0, width: block ? '100%' : undefined }} data-testid="current-unit">
      <ApartmentOutlined style={{ color }} aria-label={t('currentUnit')} />
      {units.length > 1 ? (
        <Select
          aria-label={t('currentUnit')}
          value={currentUnit.id}
          onChange={setCurrentUnitId}
          options={units.map((u) => ({ value: u.id, label: u.name }))}
          popupMatchSelectWidth={false}
          size="small"
          style={{ width: block ? 'calc(100vw - 64px)' : 220, maxWidth: block ? undefined : 260 }}
        />
      ) : (
        <Typography.Text ellipsis style={{ color, maxWidth: block ? 'calc(100vw - 64px)' : 260 }}>
          {currentUnit.name}
        </Typography.Text>
      )}
    </Space>
  );
}
