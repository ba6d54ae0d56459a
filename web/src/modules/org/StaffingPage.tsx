import { useQuery } from '@tanstack/react-query';
import { Card, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { get } from '../../api';
import { EChart, type EChartOption } from '../../EChart';
import { defineMessages, useMessages } from '../../i18n';
import { useSession } from '../../session';
import { useIsMobile } from '../../shell/useIsMobile';
import { useOrgLabels } from './labels';
import { UnitTreeSelect } from './UnitTreeSelect';

/** One line of GET /api/reports/staffing (server/src/modules/people/staffing.ts). */
interface StaffingLine {
  unitId: number;
  unitName: string;
  unitType: string;
  population: number;
  fulltime: number;
  ratio: number;
  meetsTarget: boolean;
  needed: number;
}
interface StaffingReport {
  target: number;
  unit: StaffingLine;
  children: StaffingLine[];
  school: StaffingLine;
}
type Row = StaffingLine & { role: 'school' | 'unit' | 'child' };

const messages = defineMessages(
  {
    title: '专职党务、思政工作人员配备',
    hint: '配备比例 = 专职人员 ÷（教职工 + 学生），目标不低于 {target}%。点击人数查看专职人员名单。',
    unit: '组织',
    population: '师生人数',
    fulltime: '专职人员',
    ratio: '配备比例',
    needed: '尚需配备',
    met: '达标',
    notMet: '未达标',
    school: '全校',
    self: '本级合计',
    target: '目标 {target}%',
    chart: '各下级组织配备比例',
  },
  {
    title: 'Full-time Party & ideological staff',
    hint: 'Ratio = full-time staff ÷ (staff + students); target at least {target}%. Click a count to list them.',
    unit: 'Unit',
    population: 'Staff + students',
    fulltime: 'Full-time',
    ratio: 'Ratio',
    needed: 'Still needed',
    met: 'Met',
    notMet: 'Not met',
    school: 'School',
    self: 'This unit',
    target: 'Target {target}%',
    chart: 'Ratio per sub-unit',
  },
);

const percent = (r: number) => `${(r * 100).toFixed(2)}%`;
const peopleLink = (unitId: number) => `/people?unitId=${unitId}&fulltimePartyWorker=true`;

/** /org/staffing: the 1 % staffing ratio of seed 三(一) for a unit and each of its sub-units. */
export default function StaffingPage() {
  const t = useMessages(messages);
  const labels = useOrgLabels();
  const { currentUnit } = useSession();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const unitId = Number(params.get('unitId')) || currentUnit?.id;
  const report = useQuery({
    queryKey: ['staffing', unitId],
    queryFn: () => get<StaffingReport>(`/api/reports/staffing?unitId=${unitId}`),
    enabled: Boolean(unitId),
  });
  const r = report.data;
  const targetPct = r ? r.target * 100 : 1;

  const rows: Row[] = r
    ? [
        ...(r.school.unitId !== r.unit.unitId ? [{ ...r.school, role: 'school' as const }] : []),
        { ...r.unit, role: 'unit' as const },
        ...r.children.map((c) => ({ ...c, role: 'child' as const })),
      ]
    : [];

  const option = useMemo<EChartOption | null>(() => {
    if (!r) return null;
    const bars = r.children.length ? r.children : [r.unit];
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v.toFixed(2)}%` },
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value', splitNumber: mobile ? 3 : 6, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: bars.map((b) => b.unitName),
        axisLabel: { width: mobile ? 90 : 150, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: bars.map((b) => ({
            value: Number((b.ratio * 100).toFixed(3)),
            itemStyle: { color: b.meetsTarget ? '#52c41a' : '#c8161d' },
          })),
          barMaxWidth: 18,
          markLine: {
            symbol: 'none',
            lineStyle: { color: '#faad14', type: 'dashed', width: 2 },
            // The category axis is inverted, so 'start' is the top of the line, clear of the value labels.
            label: { formatter: t('target', { target: targetPct }), position: 'start' },
            data: [{ xAxis: targetPct }],
          },
        },
      ],
    };
  }, [r, t, targetPct, mobile]);

  return (
    <>
      <h1 className="pioneer-page-title">{t('title')}</h1>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text>{t('unit')}</Typography.Text>
        <UnitTreeSelect
          aria-label={t('unit')}
          value={unitId}
          onChange={(id) => id && setParams({ unitId: String(id) })}
          style={{ width: 280 }}
        />
      </Space>
      <Typography.Paragraph type="secondary">{t('hint', { target: targetPct })}</Typography.Paragraph>
      {report.isError && <Typography.Paragraph type="danger">{report.error.message}</Typography.Paragraph>}
      <Table<Row>
        rowKey={(row) => `${row.role}-${row.unitId}`}
        size="small"
        loading={report.isPending && Boolean(unitId)}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        pagination={false}
        data-testid="staffing-table"
        onRow={(row) => ({ style: row.role === 'child' ? undefined : { fontWeight: 600 } })}
        columns={[
          {
            title: t('unit'),
            key: 'unit',
            render: (_, row) => (
              <span>
                {row.unitName} {row.role === 'school' && <Tag>{t('school')}</Tag>}
                {row.role === 'unit' && <Tag color="red">{t('self')}</Tag>}
                {row.role === 'child' && !mobile && (
                  <Typography.Text type="secondary">{labels.unitType(row.unitType)}</Typography.Text>
                )}
              </span>
            ),
          },
          {
            title: t('ratio'),
            key: 'ratio',
            render: (_, row) => (
              <Space size={4}>
                <span style={{ display: 'inline-block', minWidth: 48, textAlign: 'right' }}>{percent(row.ratio)}</span>
                {row.meetsTarget ? <Tag color="green">{t('met')}</Tag> : <Tag color="red">{t('notMet')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('fulltime'),
            key: 'fulltime',
            align: 'right',
            render: (_, row) => <Link to={peopleLink(row.unitId)}>{row.fulltime}</Link>,
          },
          { title: t('population'), dataIndex: 'population', align: 'right' },
          { title: t('needed'), dataIndex: 'needed', align: 'right' },
        ]}
      />
      {option && (
        <Card title={t('chart')} size="small" style={{ marginTop: 16 }}>
          <EChart
            option={option}
            ariaLabel={t('chart')}
            style={{ height: Math.max(220, (r?.children.length || 1) * 30 + 60) }}
          />
        </Card>
      )}
    </>
  );
}
