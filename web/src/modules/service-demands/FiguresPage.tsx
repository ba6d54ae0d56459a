import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Flex, Row, Spin, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { get } from '../../api';
import { EChart, type EChartOption } from '../../EChart';
import { defineMessages, useMessages } from '../../i18n';
import { useSession } from '../../session';
import { UnitTreeSelect } from '../org/UnitTreeSelect';
import { type Filter, type Report, toSearch } from './demands-api';
import { FilterField } from './FilterField';
import { useDemandLabels } from './labels';

const messages = defineMessages(
  {
    title: '服务需求统计',
    hint: '点击任一图形或数字，打开其背后的需求清单。',
    total: '需求总数',
    overdue: '超时',
    satisfaction: '群众满意度',
    hours: '服务时长（小时）',
    byState: '按状态',
    byChannel: '按来源渠道',
    byAudience: '按需求类型',
    byCategory: '按类别',
    byMonth: '按月提交量',
    ratings: '评分分布',
    times: '办理用时',
    stage: '环节',
    avg: '平均',
    median: '中位数',
    count: '件数',
    byUnit: '下级组织',
    unit: '组织',
    period: '提交日期',
    inService: '服务中',
    done: '已完成',
    avgScore: '满意度',
    overdueByClock: '超时（按时限）',
    score: '{n} 分',
  },
  {
    title: 'Service demand figures',
    hint: 'Click any chart or number to open the needs behind it.',
    total: 'Needs',
    overdue: 'Overdue',
    satisfaction: 'Satisfaction',
    hours: 'Service hours',
    byState: 'By state',
    byChannel: 'By channel',
    byAudience: 'By type',
    byCategory: 'By category',
    byMonth: 'Filed per month',
    ratings: 'Ratings',
    times: 'Time taken',
    stage: 'Step',
    avg: 'Average',
    median: 'Median',
    count: 'Count',
    byUnit: 'Units below',
    unit: 'Unit',
    period: 'Submitted between',
    inService: 'In service',
    done: 'Done',
    avgScore: 'Satisfaction',
    overdueByClock: 'Overdue by limit',
    score: '{n} pts',
  },
);

const bar = (labels: string[], values: number[], horizontal = false): EChartOption => ({
  tooltip: {},
  grid: { left: horizontal ? 110 : 40, right: 16, top: 16, bottom: horizontal ? 24 : 48 },
  [horizontal ? 'yAxis' : 'xAxis']: {
    type: 'category',
    data: labels,
    axisLabel: { interval: 0, rotate: horizontal ? 0 : 30 },
  },
  [horizontal ? 'xAxis' : 'yAxis']: { type: 'value', minInterval: 1 },
  series: [{ type: 'bar', data: values, itemStyle: { color: '#c8161d' } }],
});
const pie = (items: { label: string; count: number }[]): EChartOption => ({
  tooltip: { trigger: 'item' },
  legend: { bottom: 0, type: 'scroll' },
  series: [{ type: 'pie', radius: ['35%', '65%'], data: items.map((i) => ({ name: i.label, value: i.count })) }],
});

/** A number in a table that opens the needs behind it. */
const Cell = ({ onClick, children }: { onClick(): void; children: ReactNode }) => (
  <Button type="link" size="small" style={{ padding: 0 }} onClick={onClick}>
    {children}
  </Button>
);

/** /demands/figures: per unit subtree, every figure computed from the needs and opening the list behind it. */
export default function FiguresPage() {
  const t = useMessages(messages);
  const { duration } = useDemandLabels();
  const navigate = useNavigate();
  const { currentUnit } = useSession();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId') ?? (currentUnit ? String(currentUnit.id) : '');
  const range = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const report = useQuery({
    queryKey: ['demand-report', unitId, range],
    queryFn: () => get<Report>(`/api/reports/demands?${toSearch({ unitId, ...range })}`),
    enabled: Boolean(unitId),
  });
  const open = (filter: Filter) => navigate(`/demands?${toSearch({ view: 'scope', unitId, ...range, ...filter })}`);
  const r = report.data;
  const card = (title: string, option: EChartOption, figures: { filter: Filter }[], testId?: string) => (
    <Col xs={24} lg={12}>
      <Card size="small" title={title} data-testid={testId}>
        <EChart
          option={option}
          style={{ height: 260 }}
          ariaLabel={title}
          onClick={(p) => figures[p.dataIndex] && open(figures[p.dataIndex].filter)}
        />
      </Card>
    </Col>
  );

  return (
    <>
      <h1 className="pioneer-page-title">{t('title')}</h1>
      <Flex wrap gap={8} align="end" style={{ marginBottom: 8 }}>
        <FilterField label={t('unit')}>
          <UnitTreeSelect
            aria-label={t('unit')}
            value={unitId ? Number(unitId) : null}
            onChange={(id) => setParams(toSearch({ ...range, unitId: id ?? '' }))}
            style={{ minWidth: 240 }}
          />
        </FilterField>
        <FilterField label={t('period')}>
          <DatePicker.RangePicker
            aria-label={t('period')}
            inputReadOnly
            value={range.from && range.to ? [dayjs(range.from), dayjs(range.to)] : null}
            onChange={(v) =>
              setParams(
                toSearch({ unitId, from: v?.[0]?.format('YYYY-MM-DD') ?? '', to: v?.[1]?.format('YYYY-MM-DD') ?? '' }),
              )
            }
          />
        </FilterField>
      </Flex>
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      {report.isError && <Alert type="error" showIcon message={report.error.message} />}
      {report.isFetching && !r && <Spin />}
      {r && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            {[
              { title: t('total'), value: r.total, filter: {}, id: 'figure-total' },
              { title: t('overdue'), value: r.overdue.total, filter: r.overdue.filter, id: 'figure-overdue' },
              {
                title: t('satisfaction'),
                value: r.satisfaction.average ?? '—',
                filter: r.satisfaction.filter,
                id: 'figure-satisfaction',
                suffix: r.satisfaction.count ? `/5（${r.satisfaction.count}）` : '',
              },
              {
                title: t('hours'),
                value: Math.round(r.minutesTotal / 6) / 10,
                filter: { reached: 'completed' },
                id: 'figure-hours',
              },
            ].map((s) => (
              <Col xs={12} md={6} key={s.id}>
                <Card size="small" hoverable onClick={() => open(s.filter)} data-testid={s.id}>
                  <Statistic title={s.title} value={s.value} suffix={s.suffix} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[12, 12]}>
            {card(
              t('byState'),
              bar(
                r.byState.map((x) => x.label),
                r.byState.map((x) => x.count),
              ),
              r.byState,
              'chart-state',
            )}
            {card(t('byChannel'), pie(r.byChannel), r.byChannel)}
            {card(
              t('byCategory'),
              bar(
                r.byCategory.map((x) => x.label),
                r.byCategory.map((x) => x.count),
                true,
              ),
              r.byCategory,
            )}
            {card(
              t('byMonth'),
              {
                ...bar(
                  r.byMonth.map((x) => x.month),
                  r.byMonth.map((x) => x.count),
                ),
                series: [{ type: 'line', smooth: true, data: r.byMonth.map((x) => x.count) }],
              },
              r.byMonth,
            )}
            {card(
              t('ratings'),
              bar(
                r.satisfaction.distribution.map((x) => t('score', { n: x.score })),
                r.satisfaction.distribution.map((x) => x.count),
              ),
              r.satisfaction.distribution,
            )}
            {card(t('byAudience'), pie(r.byAudience), r.byAudience)}
            <Col xs={24} lg={12}>
              <Card size="small" title={t('times')}>
                <Table
                  size="small"
                  rowKey="stage"
                  pagination={false}
                  dataSource={r.times}
                  onRow={(row) => ({ onClick: () => open(row.filter), style: { cursor: 'pointer' } })}
                  columns={[
                    { title: t('stage'), dataIndex: 'label' },
                    {
                      title: t('avg'),
                      dataIndex: 'avgMinutes',
                      render: (m: number | null) => (m === null ? '—' : duration(m)),
                    },
                    {
                      title: t('median'),
                      dataIndex: 'medianMinutes',
                      render: (m: number | null) => (m === null ? '—' : duration(m)),
                    },
                    { title: t('count'), dataIndex: 'count' },
                  ]}
                />
              </Card>
            </Col>
            {card(
              t('overdueByClock'),
              bar(
                r.overdue.byClock.map((x) => x.label),
                r.overdue.byClock.map((x) => x.count),
              ),
              r.overdue.byClock,
            )}
            {r.byUnit.length > 0 && (
              <Col xs={24}>
                <Card size="small" title={t('byUnit')}>
                  <Table
                    size="small"
                    rowKey="unitId"
                    pagination={false}
                    scroll={{ x: 'max-content' }}
                    dataSource={r.byUnit}
                    data-testid="figure-units"
                    columns={[
                      {
                        title: t('unit'),
                        dataIndex: 'name',
                        render: (n: string, u) => <Cell onClick={() => open(u.filter)}>{n}</Cell>,
                      },
                      {
                        title: t('total'),
                        dataIndex: 'total',
                        render: (v: number, u) => <Cell onClick={() => open(u.filter)}>{v}</Cell>,
                      },
                      {
                        title: t('inService'),
                        dataIndex: 'inService',
                        render: (v: number, u) => (
                          <Cell onClick={() => open({ ...u.filter, state: 'claimed,in_progress' })}>{v}</Cell>
                        ),
                      },
                      {
                        title: t('done'),
                        dataIndex: 'done',
                        render: (v: number, u) => (
                          <Cell onClick={() => open({ ...u.filter, state: 'completed,rated,closed' })}>{v}</Cell>
                        ),
                      },
                      {
                        title: t('overdue'),
                        dataIndex: 'overdue',
                        render: (v: number, u) => <Cell onClick={() => open({ ...u.filter, overdue: true })}>{v}</Cell>,
                      },
                      {
                        title: t('avgScore'),
                        dataIndex: 'avgScore',
                        render: (v: number | null, u) =>
                          v === null ? '—' : <Cell onClick={() => open({ ...u.filter, reached: 'rated' })}>{v}</Cell>,
                      },
                    ]}
                  />
                </Card>
              </Col>
            )}
          </Row>
        </>
      )}
    </>
  );
}
