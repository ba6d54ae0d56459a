import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Radio, Space, Typography } from 'antd';
import { useMessages } from '../../i18n';
import { rosterMessages } from './messages';
import type { ImportKind, ImportMode } from './roster-api';

interface Props {
  kind: ImportKind;
  mode: ImportMode;
  onKind(kind: ImportKind): void;
  onMode(mode: ImportMode): void;
  onNext(): void;
}

/** Step 1: which roster, what to do with numbers that already exist, and the template to fill in. */
export function ChooseStep({ kind, mode, onKind, onMode, onNext }: Props) {
  const t = useMessages(rosterMessages);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Radio.Group value={kind} onChange={(e) => onKind(e.target.value)} style={{ width: '100%' }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {(['people', 'units'] as const).map((k) => (
            <Card key={k} size="small" hoverable onClick={() => onKind(k)}>
              <Radio value={k} data-testid={`import-kind-${k}`}>
                <Typography.Text strong>{k === 'people' ? t('kindPeople') : t('kindUnits')}</Typography.Text>
              </Radio>
              <br />
              <Typography.Text type="secondary">
                {k === 'people' ? t('kindPeopleHint') : t('kindUnitsHint')}
              </Typography.Text>
            </Card>
          ))}
        </Space>
      </Radio.Group>
      <div>
        <Typography.Text>{t('mode')}</Typography.Text>
        <br />
        <Radio.Group
          value={mode}
          onChange={(e) => onMode(e.target.value)}
          options={[
            { value: 'create_only', label: t('modeCreate') },
            { value: 'upsert', label: t('modeUpsert') },
          ]}
        />
      </div>
      <Alert type="info" showIcon title={t('templateHint')} />
      <Space wrap>
        <Button
          icon={<DownloadOutlined />}
          href={`/api/roster/templates/${kind}.xlsx`}
          download
          data-testid="import-template"
        >
          {t('template')}
        </Button>
        <Button type="primary" onClick={onNext} data-testid="import-next">
          {t('next')}
        </Button>
      </Space>
    </Space>
  );
}
