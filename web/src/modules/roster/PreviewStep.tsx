import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMessages } from '../../i18n';
import { useOrgLabels } from '../org/labels';
import { usePeopleLabels, type Vocabulary } from '../people/labels';
import { type RosterKey, rosterMessages } from './messages';
import type { ImportMode, ImportPreview, ParsedRow, RowError } from './roster-api';

interface Props {
  preview: ImportPreview;
  /** Re-checks the same file in another mode (the wizard proposes update mode when the records exist). */
  onSwitchMode(mode: ImportMode): void;
  rechecking: boolean;
  onDownloadRejected?: () => Promise<void>;
  committing: boolean;
  onCommit(): void;
  onReupload(): void;
}

const PEOPLE_KEYS = [
  'name',
  'gender',
  'kind',
  'staffNo',
  'politicalStatus',
  'unitCode',
  'phone',
  'idNumber',
  'cadreLevel',
  'fulltimePartyWorker',
  'developmentStage',
  'skills',
  'department',
  'major',
  'campus',
  'joinedPartyOn',
];
const UNIT_KEYS = ['name', 'code', 'type', 'branchKind', 'parentCode'];
const VOCAB: Record<string, Vocabulary> = {
  gender: 'gender',
  kind: 'kind',
  politicalStatus: 'politicalStatus',
  cadreLevel: 'cadreLevel',
  developmentStage: 'developmentStage',
};

/** Step 3: what the file holds — every error by row and column, and the first parsed rows as they would be stored. */
export function PreviewStep({
  preview,
  committing,
  onCommit,
  onReupload,
  onSwitchMode,
  rechecking,
  onDownloadRejected,
}: Props) {
  const { message } = App.useApp();
  const t = useMessages(rosterMessages);
  const people = usePeopleLabels();
  const org = useOrgLabels();
  const hasErrors = preview.errorCount > 0;

  const show = (key: string, value: unknown): string => {
    if (value === null || value === undefined) return '';
    if (Array.isArray(value)) return value.join('、');
    if (typeof value === 'boolean') return value ? t('yes') : t('no');
    if (preview.kind === 'units' && key === 'type') return org.unitType(String(value));
    if (preview.kind === 'units' && key === 'branchKind') return org.branchKind(String(value));
    if (preview.kind === 'people' && VOCAB[key]) return people.label(VOCAB[key], String(value));
    return String(value);
  };
  const keys = preview.kind === 'people' ? PEOPLE_KEYS : UNIT_KEYS;
  const rowColumns: ColumnsType<ParsedRow> = [
    { title: t('row'), dataIndex: 'row', width: 64, fixed: 'left' },
    ...keys.map((key) => ({
      title: t(`col.${preview.kind === 'units' && key === 'name' ? 'unitName' : key}` as RosterKey),
      dataIndex: key,
      width: key === 'idNumber' ? 180 : key === 'skills' ? 180 : 110,
      render: (v: unknown) => show(key, v),
    })),
  ];
  const errorColumns: ColumnsType<RowError> = [
    { title: t('row'), dataIndex: 'row', width: 72 },
    { title: t('column'), dataIndex: 'column', width: 150 },
    { title: t('problem'), dataIndex: 'message' },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={9}>
          <Card size="small">
            <Statistic
              title={t('fileName')}
              value={preview.fileName}
              styles={{ content: { fontSize: 16, wordBreak: 'break-all' } }}
            />
          </Card>
        </Col>
        <Col xs={8} md={5}>
          <Card size="small">
            <Statistic title={t('totalRows')} value={preview.total} />
          </Card>
        </Col>
        <Col xs={8} md={5}>
          <Card size="small">
            <Statistic title={t('validRows')} value={preview.valid} styles={{ content: { color: '#389e0d' } }} />
          </Card>
        </Col>
        <Col xs={8} md={5}>
          <Card size="small">
            <Statistic
              title={t('errorCount')}
              value={preview.errorCount}
              styles={{ content: { color: hasErrors ? '#cf1322' : undefined } }}
              data-testid="import-error-count"
            />
          </Card>
        </Col>
      </Row>
      {!hasErrors && (
        <Row gutter={[12, 12]} data-testid="import-counts">
          <Col xs={8} md={5}>
            <Card size="small">
              <Statistic title={t('toCreate')} value={preview.toCreate} />
            </Card>
          </Col>
          <Col xs={8} md={5}>
            <Card size="small">
              <Statistic title={t('toUpdate')} value={preview.toUpdate} data-testid="import-to-update" />
            </Card>
          </Col>
          <Col xs={8} md={5}>
            <Card size="small">
              <Statistic title={t('unchanged')} value={preview.unchanged} data-testid="import-unchanged" />
            </Card>
          </Col>
        </Row>
      )}
      {preview.suggestedMode === 'upsert' && (
        <Alert
          type="info"
          showIcon
          title={t('suggestUpsert', { n: preview.alreadyThere })}
          data-testid="import-suggest-upsert"
          action={
            <Button type="primary" size="small" loading={rechecking} onClick={() => onSwitchMode('upsert')}>
              {t('switchUpsert')}
            </Button>
          }
        />
      )}
      {hasErrors ? (
        <Alert type="error" showIcon title={t('hasErrors')} data-testid="import-has-errors" />
      ) : (
        <Alert type="success" showIcon title={t('noErrors', { n: preview.total })} data-testid="import-no-errors" />
      )}
      <Space wrap>
        <Button
          type="primary"
          disabled={hasErrors || !preview.abilities.commit}
          loading={committing}
          onClick={onCommit}
          data-testid="import-commit"
        >
          {t('commit')}
        </Button>
        <Button onClick={onReupload} disabled={committing} data-testid="import-reupload">
          {t('reupload')}
        </Button>
        {hasErrors && onDownloadRejected && (
          <Button
            icon={<DownloadOutlined />}
            onClick={() => onDownloadRejected().catch((e: Error) => message.error(e.message))}
            data-testid="import-download-rejected"
          >
            {t('downloadRejected')}
          </Button>
        )}
      </Space>
      {hasErrors && (
        <Card size="small" title={t('errorsTitle', { n: preview.errorCount })}>
          {preview.errors.length < preview.errorCount && (
            <Typography.Text type="secondary">
              {t('errorsMore', { shown: preview.errors.length, n: preview.errorCount })}
            </Typography.Text>
          )}
          <Table<RowError>
            rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
            size="small"
            columns={errorColumns}
            dataSource={preview.errors}
            pagination={preview.errors.length > 20 ? { pageSize: 20, size: 'small' } : false}
            scroll={{ x: 480 }}
            data-testid="import-errors"
          />
        </Card>
      )}
      {preview.rows.length > 0 && (
        <Card size="small" title={t('rowsTitle', { n: preview.rows.length })}>
          <Table<ParsedRow>
            rowKey="row"
            size="small"
            columns={rowColumns}
            dataSource={preview.rows}
            pagination={false}
            scroll={{ x: 64 + keys.length * 120 }}
            data-testid="import-rows"
          />
        </Card>
      )}
    </Space>
  );
}
