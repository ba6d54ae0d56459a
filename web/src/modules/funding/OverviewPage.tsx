import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { get } from '../../api';
import { OfficeTable } from '../../components/OfficeTable';
import { EChart } from '../../EChart';
import { useMessages } from '../../i18n';
import { type Compliance, type Overview, percent, type UnitFunds, yuan } from './funding-api';
import { fundingMessages } from './messages';
import { useYearUnit, YearUnitBar } from './YearUnitBar';

/** Opens the rows behind a figure: the measure registry's drill-down for the unit and the year. */
const measureHref = (key: string, unitId: number, year: number) =>
  `/measures/${key}?unitId=${unitId}&from=${year}-01-01&to=${year}-12-31`;

/** /funding: the year's money by unit — execution, how much reached the branches, the compliance check. */
export function OverviewPage() {
  const t = useMessages(fundingMessages);
  const state = useYearUnit();
  const { year, unitId } = state;
  const q = `year=${year}${unitId ? `&unitId=${unitId}` : ''}`;
  const overview = useQuery({
    queryKey: ['funding-overview', q],
    queryFn: () => get<Overview>(`/api/funding/overview?${q}`),
  });
  const compliance = useQuery({
    queryKey: ['funding-compliance', q],
    queryFn: () => get<Compliance>(`/api/funding/compliance?${q}`),
  });
  const items = overview.data?.items ?? [];
  const top = items[0];
  const children = top ? items.filter((u) => u.parentId === top.id) : [];

  return (
    <>
      <h1 className="pioneer-page-title">{t('overviewTitle')}</h1>
      <Typography.Paragraph type="secondary">{t('overviewHint')}</Typography.Paragraph>
      <YearUnitBar state={state} />
      {overview.isError && <Alert type="error" title={overview.error.message} style={{ marginBottom: 12 }} />}
      {overview.data && !overview.data.confirmed && (
        <Alert type="warning" title={t('notConfirmed', { year })} style={{ marginBottom: 12 }} />
      )}
      {top && (
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="funding-figures">
          <Col xs={12} md={4}>
            <Card size="small">
              <Statistic title={t('received')} value={yuan(top.receivedFen)} />
            </Card>
          </Col>
          <Col xs={12} md={4}>
            <Card size="small">
              <Statistic title={t('allocated')} value={yuan(top.allocatedFen)} />
            </Card>
          </Col>
          <Col xs={12} md={4}>
            <Card size="small">
              <Statistic title={t('spent')} value={yuan(top.subtreeSpentFen)} />
              <Link to={measureHref('funding.expenses_total', top.id, year)}>{t('openRows')}</Link>
            </Card>
          </Col>
          <Col xs={12} md={4}>
            <Card size="small">
              <Statistic title={t('balance')} value={yuan(top.balanceFen)} />
            </Card>
          </Col>
          <Col xs={12} md={4}>
            <Card size="small">
              <Statistic title={t('executionRate')} value={percent(top.executionRate)} />
              <Link to={measureHref('funding.execution_rate', top.id, year)}>{t('openRows')}</Link>
            </Card>
          </Col>
          <Col xs={12} md={4}>
            <Card size="small">
              <Statistic title={t('reachedBranches')} value={yuan(overview.data!.reachedBranches.fen)} />
              {overview.data!.reachedBranches.share !== null && (
                <Typography.Text type="secondary">
                  {t('reachedShare', { share: percent(overview.data!.reachedBranches.share) })}
                </Typography.Text>
              )}
            </Card>
          </Col>
        </Row>
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('chartTitle')}>
            {children.length ? (
              <EChart
                ariaLabel={t('chartTitle')}
                option={chartOption(children, {
                  received: t('chartReceived'),
                  minimum: t('chartMinimum'),
                  spent: t('chartSpent'),
                })}
                style={{ height: Math.max(240, children.length * 36 + 80) }}
              />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            size="small"
            title={t('complianceTitle')}
            extra={unitId && <Link to={measureHref('funding.minimum_met', unitId, year)}>{t('openRows')}</Link>}
            data-testid="funding-compliance"
          >
            {compliance.data && (
              <>
                <Typography.Paragraph>
                  {t('complianceSummary', { checked: compliance.data.checked, met: compliance.data.met })}
                </Typography.Paragraph>
                {compliance.data.short.length === 0 ? (
                  <Typography.Text type="success">{t('allMet')}</Typography.Text>
                ) : (
                  <Table
                    size="small"
                    rowKey="unitId"
                    pagination={false}
                    scroll={{ x: 'max-content' }}
                    dataSource={compliance.data.short}
                    columns={[
                      { title: t('unit'), dataIndex: 'name' },
                      { title: t('minimum'), dataIndex: 'minimumFen', render: yuan, align: 'right' },
                      { title: t('received'), dataIndex: 'receivedFen', render: yuan, align: 'right' },
                      {
                        title: t('shortfall'),
                        dataIndex: 'shortfallFen',
                        align: 'right',
                        render: (v: number) => <Typography.Text type="danger">{yuan(v)}</Typography.Text>,
                      },
                    ]}
                  />
                )}
              </>
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" style={{ marginTop: 12 }}>
        <OfficeTable<UnitFunds>
          rowKey="id"
          rows={items}
          loading={overview.isFetching}
          testId="funding-units"
          columns={[
            {
              title: t('unit'),
              dataIndex: 'name',
              render: (name: string, u) => (
                <span style={{ paddingLeft: (u.depth - (top?.depth ?? 0)) * 16 }}>{name}</span>
              ),
            },
            {
              title: t('members'),
              key: 'members',
              align: 'right',
              render: (_, u) => (u.staffMembers === null ? '—' : (u.staffMembers ?? 0) + (u.studentMembers ?? 0)),
            },
            money(t('minimum'), 'minimumFen'),
            money(t('received'), 'receivedFen'),
            money(t('allocated'), 'allocatedFen'),
            money(t('spent'), 'spentFen'),
            money(t('pending'), 'pendingFen'),
            money(t('balance'), 'balanceFen'),
            {
              title: t('executionRate'),
              dataIndex: 'executionRate',
              align: 'right',
              compare: (a, b) => (a.executionRate ?? -1) - (b.executionRate ?? -1),
              render: (r: number | null, u) =>
                r === null ? '—' : <Link to={measureHref('funding.execution_rate', u.id, year)}>{percent(r)}</Link>,
            },
            {
              title: t('shortfall'),
              dataIndex: 'shortfallFen',
              align: 'right',
              compare: (a, b) => (a.shortfallFen ?? 0) - (b.shortfallFen ?? 0),
              render: (v: number | null) =>
                v === null ? '—' : v > 0 ? <Typography.Text type="danger">{yuan(v)}</Typography.Text> : yuan(0),
            },
          ]}
        />
      </Card>
    </>
  );
}

function money(title: string, key: keyof UnitFunds) {
  return {
    title,
    dataIndex: key,
    align: 'right' as const,
    compare: (a: UnitFunds, b: UnitFunds) => Number(a[key] ?? 0) - Number(b[key] ?? 0),
    render: (v: number | null) => (v === null ? '—' : yuan(v)),
  };
}

function chartOption(units: UnitFunds[], names: { received: string; minimum: string; spent: string }) {
  const y = (fen: number | null) => (fen === null ? 0 : fen / 100);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `¥${v.toFixed(2)}` },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { hideOverlap: true } },
    yAxis: { type: 'category', data: units.map((u) => u.name), inverse: true },
    series: [
      { name: names.received, type: 'bar', data: units.map((u) => y(u.receivedFen)) },
      { name: names.spent, type: 'bar', data: units.map((u) => y(u.subtreeSpentFen)) },
      {
        name: names.minimum,
        type: 'bar',
        data: units.map((u) => y(u.minimumFen)),
        itemStyle: { color: 'transparent', borderColor: '#cf1322', borderWidth: 1, borderType: 'dashed' },
      },
    ],
  };
}
