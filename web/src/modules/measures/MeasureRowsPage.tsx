import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Descriptions, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { get } from '../../api';
import { ExportButton } from '../../components/ExportButton';
import { OfficeTable } from '../../components/OfficeTable';
import { useListParams } from '../../components/useListParams';
import { defineMessages, useLocale, useMessages } from '../../i18n';
import { formatMeasure, type MeasureRowsResult, type MeasureValue, thisYear } from './measures-api';

const messages = defineMessages(
  {
    measures: '指标库',
    unit: '组织（含下级）',
    period: '期间',
    value: '数值',
    rows: '记录数',
    description: '口径',
    id: '记录编号',
    export: '导出这些记录',
  },
  {
    measures: 'Measures',
    unit: 'Unit (with sub-units)',
    period: 'Period',
    value: 'Value',
    rows: 'Records',
    description: 'Definition',
    id: 'Record no.',
    export: 'Export these records',
  },
);

/** /measures/:key?unitId&from&to: the value and, below it, exactly the rows it was computed from. */
export function MeasureRowsPage() {
  const t = useMessages(messages);
  const { locale } = useLocale();
  const { key = '' } = useParams();
  const year = thisYear();
  const list = useListParams(['unitId', 'from', 'to'], { pageSize: 50, filters: year });
  const filterQuery = new URLSearchParams(list.filters).toString();
  const value = useQuery({
    queryKey: ['measure', key, filterQuery],
    queryFn: () => get<MeasureValue>(`/api/measures/${key}?${filterQuery}`),
  });
  const rows = useQuery({
    queryKey: ['measure-rows', key, list.query],
    queryFn: () => get<MeasureRowsResult>(`/api/measures/${key}/rows?${list.query}`),
  });
  const v = value.data;
  const columns = rows.data?.columns ?? v?.measure.columns ?? [];

  return (
    <>
      <Breadcrumb
        items={[{ title: <Link to={`/measures?${filterQuery}`}>{t('measures')}</Link> }, { title: v?.measure.name }]}
      />
      <h1 className="pioneer-page-title">{locale === 'en' ? v?.measure.nameEn : v?.measure.name}</h1>
      {value.isError && <Typography.Paragraph type="danger">{value.error.message}</Typography.Paragraph>}
      {v && (
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('unit')}>{v.unit.name}</Descriptions.Item>
          <Descriptions.Item label={t('period')}>
            {v.from} ~ {v.to}
          </Descriptions.Item>
          <Descriptions.Item label={t('value')}>
            <strong data-testid="measure-value">{formatMeasure(v.measure.unit, v.value, locale)}</strong>
          </Descriptions.Item>
          <Descriptions.Item label={t('rows')}>{v.rowCount}</Descriptions.Item>
          <Descriptions.Item label={t('description')} span={4}>
            {v.measure.description}
          </Descriptions.Item>
        </Descriptions>
      )}
      <OfficeTable<Record<string, unknown>>
        rowKey="id"
        list={list}
        rows={rows.data?.items}
        total={rows.data?.total}
        loading={rows.isFetching}
        testId="measure-rows"
        toolbar={<ExportButton url={`/api/measures/${key}/rows.xlsx`} list={list} label={t('export')} />}
        columns={[
          { title: t('id'), dataIndex: 'id' },
          ...columns.map((c) => ({ title: c.header, dataIndex: c.key, render: (x: unknown) => cellText(x) })),
        ]}
      />
    </>
  );
}

const cellText = (x: unknown) =>
  x === null || x === undefined
    ? ''
    : typeof x === 'string' && /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(x)
      ? new Date(x.replace(' ', 'T')).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })
      : String(x);
