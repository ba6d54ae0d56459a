import { ApartmentOutlined } from '@ant-design/icons';
import { Select, Typography } from 'antd';
import { useDomainLabels } from '../domain-labels';
import { shellMessages, useMessages } from '../i18n';
import { useSession } from '../session';

/**
 * The current unit: pages use it as their default unit filter. A person with grants on several units picks
 * one here; everyone else sees the one unit they belong to.
 */
export function UnitSelector({ light = false, block = false }: { light?: boolean; block?: boolean }) {
  const { units, currentUnit, setCurrentUnitId } = useSession();
  const t = useMessages(shellMessages);
  const roleLabel = useDomainLabels().role;
  if (!currentUnit) return null;
  const color = light ? '#fff' : undefined;
  // A plain flex row with its own line height: the header's 56 px line height must not reach the select's text,
  // and the select shrinks with the window instead of pushing the header's right side out.
  return (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 6,
        minWidth: 0,
        lineHeight: 'normal',
        flex: block ? '1 1 auto' : '0 1 auto',
      }}
      data-testid="current-unit"
    >
      <ApartmentOutlined style={{ color, flex: 'none' }} aria-label={t('currentUnit')} />
      {units.length > 1 ? (
        <Select
          aria-label={t('currentUnit')}
          value={currentUnit.id}
          onChange={setCurrentUnitId}
          title={currentUnit.name}
          options={units.map((u) => ({
            value: u.id,
            label: u.name,
            role: u.role && roleLabel(u.role, u.roleLabel ?? u.role),
          }))}
          optionRender={(o) => (
            <span>
              {o.label}
              {o.data.role && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{`　${o.data.role}`}</Typography.Text>
              )}
            </span>
          )}
          popupMatchSelectWidth={false}
          size="small"
          style={block ? { flex: 1, minWidth: 0 } : { width: 'clamp(150px, 22vw, 280px)' }}
        />
      ) : (
        <Typography.Text ellipsis style={{ color, maxWidth: block ? '100%' : 'clamp(150px, 22vw, 280px)' }}>
          {currentUnit.name}
        </Typography.Text>
      )}
    </div>
  );
}
