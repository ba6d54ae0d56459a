import { useQueries, useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { get } from '../../api';
import { defineMessages, useLocale, useMessages } from '../../i18n';
import { useSession } from '../../session';
import { UnitTreeSelect } from '../org/UnitTreeSelect';
import { formatMeasure, type MeasureInfo, type MeasureValue, thisYear } from './measures-api';

const messages = defineMessages(
  {
    title: '指标库',
    hint: '平台上的每一个统计数都出自这里：每项指标由所属模块声明，按组织（含下级）和期间从记录计算，点击数值可查看其背后的每一条记录并导出。不统计登录、点击、点赞、浏览或学习时长。',
    unit: '组织',
    period: '期间',
    name: '指标',
    module: '来源模块',
    value: '数值',
    rows: '记录数',
    description: '口径',
    open: '查看记录',
  },
  {
    title: 'Measures',
    hint: 'Every figure on the platform comes from here: each measure is declared by its module and computed from records for a unit (with its sub-units) and a period; click a value to see every record behind it and export them. Log-ins, clicks, likes, page views and study minutes are never counted.',
    unit: 'Unit',
    period: 'Period',
    name: 'Measure',
    module: 'Module',
    value: 'Value',
    rows: 'Records',
    description: 'Definition',
    open: 'Open records',
  },
);

const MODULE_LABELS: Record<string, { zh: string; en: string }> = {
  org: { zh: '组织架构', en: 'Organization' },
  people: { zh: '人员', en: 'People' },
  'service-demands': { zh: '服务需求', en: 'Service needs' },
  volunteering: { zh: '志愿服务', en: 'Volunteering' },
  funding: { zh: '经费保障', en: 'Funding' },
};

/** /measures: every measure of the registry for a unit and a period, each value opening its rows. */
export function MeasuresPage() {
  const t = useMessages(messages);
  const { locale } = useLocale();
  const { currentUnit } = useSession();
  const [params, setParams] = useSearchParams();
  const year = thisYear();
  const unitId = Number(params.get('unitId')) || currentUnit?.id;
  const from = params.get('from') ?? year.from;
  const to = params.get('to') ?? year.to;
  const query = `unitId=${unitId}&from=${from}&to=${to}`;
  const set = (next: Record<string, string>) => setParams({ unitId: String(unitId ?? ''), from, to, ...next });

  const list = useQuery({ queryKey: ['measures'], queryFn: () => get<{ items: MeasureInfo[] }>('/api/measures') });
  const measures = list.data?.items ?? [];
  const values = useQueries({
    queries: measures.map((m) => ({
      queryKey: ['measure', m.key, query],
      queryFn: () => get<MeasureValue>(`/api/measures/${m.key}?${query}`),
      enabled: Boolean(unitId),
    })),
  });
  const rows = measures.map((m, i) => ({ ...m, result: values[i]?.data, error: values[i]?.error as Error | null }));

  return (
    <>
      <h1 className="pioneer-page-title">{t('title')}</h1>
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <span>{t('unit')}</span>
          <UnitTreeSelect
            aria-label={t('unit')}
            value={unitId}
            onChange={(id) => id && set({ unitId: String(id) })}
            style={{ width: 260 }}
          />
          <span>{t('period')}</span>
          <DatePicker.RangePicker
            aria-label={t('period')}
            allowClear={false}
            value={[dayjs(from), dayjs(to)]}
            onChange={(r) => r?.[0] && r[1] && set({ from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') })}
          />
        </Space>
      </Card>
      <Table
        rowKey="key"
        size="middle"
        loading={list.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="measures-table"
        columns={[
          { title: t('name'), dataIndex: locale === 'en' ? 'nameEn' : 'name', fixed: 'left' },
          {
            title: t('module'),
            dataIndex: 'module',
            render: (m: string) => MODULE_LABELS[m]?.[locale] ?? m,
            filters: Object.entries(MODULE_LABELS).map(([value, l]) => ({ text: l[locale], value })),
            onFilter: (v, r) => r.module === v,
          },
          {
            title: t('value'),
            key: 'value',
            align: 'right',
            render: (_, r) =>
              r.error ? (
                <Typography.Text type="danger">{r.error.message}</Typography.Text>
              ) : r.result ? (
                <Link to={`/measures/${r.key}?${query}`} data-testid={`measure-${r.key}`}>
                  {formatMeasure(r.unit, r.result.value, locale)}
                </Link>
              ) : (
                '…'
              ),
          },
          {
            title: t('rows'),
            key: 'rows',
            align: 'right',
            sorter: (a, b) => (a.result?.rowCount ?? 0) - (b.result?.rowCount ?? 0),
            render: (_, r) => r.result?.rowCount ?? '',
          },
          { title: t('description'), dataIndex: 'description', width: 420 },
        ]}
      />
    </>
  );
}
