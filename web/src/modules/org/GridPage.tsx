import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Progress, Row, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { get } from '../../api';
import { useMessages } from '../../i18n';
import { useSession } from '../../session';
import { useIsMobile } from '../../shell/useIsMobile';
import { GridCoverageDialog } from './GridCoverageDialog';
import { gridMessages } from './grid-messages';
import { useOrgLabels } from './labels';
import type { Coverage, GridUnit } from './org-api';
import { UnitTreeSelect } from './UnitTreeSelect';

type GridRow = Omit<GridUnit, 'abilities'> & { gap?: 'no_branch' | 'no_contact' | null };
const pct = (rate: number) => Math.round(rate * 1000) / 10;

/** /org/grid: the grid units (网格单元) under a unit, what covers them, and what is not covered yet. */
export function GridPage() {
  const t = useMessages(gridMessages);
  const labels = useOrgLabels();
  const { currentUnit } = useSession();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const unitId = Number(params.get('unitId')) || currentUnit?.id;
  const [editing, setEditing] = useState<GridUnit | null>(null);

  const coverage = useQuery({
    queryKey: ['coverage', unitId],
    queryFn: () => get<Coverage>(`/api/reports/coverage?unitId=${unitId}`),
    enabled: Boolean(unitId),
  });
  const grid = useQuery({
    queryKey: ['grid-units', unitId],
    queryFn: () => get<{ items: GridUnit[] }>(`/api/grid-units?unitId=${unitId}`).then((r) => r.items),
    enabled: Boolean(unitId),
  });
  const byId = new Map((grid.data ?? []).map((g) => [g.id, g]));
  const gapOf = (g: GridRow): GridRow['gap'] =>
    g.coveringBranchId === null || g.coveringBranchClosedAt
      ? 'no_branch'
      : g.contactPersonId === null
        ? 'no_contact'
        : null;
  const gapTag = (g: GridRow) => {
    const gap = g.gap === undefined ? gapOf(g) : g.gap;
    return gap ? <Tag color="orange">{t(`gap_${gap}` as const)}</Tag> : <Tag color="green">{t('ok')}</Tag>;
  };

  const columns = [
    {
      title: t('name'),
      key: 'name',
      // On phones the coverage tag sits under the name, visible without scrolling sideways.
      render: (_: unknown, g: GridRow) =>
        mobile ? (
          <div>
            {g.name}
            <div>{gapTag(g)}</div>
          </div>
        ) : (
          g.name
        ),
    },
    ...(mobile ? [] : [{ title: t('gap'), key: 'gap', render: (_: unknown, g: GridRow) => gapTag(g) }]),
    { title: t('kind'), dataIndex: 'kind', key: 'kind', render: (k: string) => labels.gridKind(k) },
    { title: t('owner'), dataIndex: 'ownerUnitName', key: 'owner' },
    { title: t('campus'), dataIndex: 'campus', key: 'campus' },
    {
      title: t('branch'),
      key: 'branch',
      render: (_: unknown, g: GridRow) =>
        g.coveringBranchName ? `${g.coveringBranchName}${g.coveringBranchClosedAt ? t('branchClosed') : ''}` : '—',
    },
    { title: t('contact'), key: 'contact', render: (_: unknown, g: GridRow) => g.contactPersonName ?? '—' },
    {
      title: t('actions'),
      key: 'actions',
      fixed: 'right' as const,
      render: (_: unknown, g: GridRow) => {
        const full = byId.get(g.id);
        return full?.abilities.update ? (
          <Button type="link" size="small" onClick={() => setEditing(full)} aria-label={`${t('edit')} ${g.name}`}>
            {t('edit')}
          </Button>
        ) : null;
      },
    },
  ];
  const table = (rows: GridRow[] | undefined, loading: boolean, testId: string) => (
    <Table<GridRow>
      rowKey="id"
      size="small"
      dataSource={rows}
      loading={loading}
      columns={columns}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      data-testid={testId}
    />
  );

  const c = coverage.data;
  return (
    <>
      <h1 className="pioneer-page-title">{t('title')}</h1>
      <Space wrap style={{ marginBottom: 16 }}>
        <Typography.Text>{t('unit')}</Typography.Text>
        <UnitTreeSelect
          aria-label={t('unit')}
          value={unitId}
          onChange={(id) => id && setParams({ unitId: String(id) })}
          style={{ width: 280 }}
        />
      </Space>
      {coverage.isError && <Typography.Paragraph type="danger">{coverage.error.message}</Typography.Paragraph>}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={10}>
          <Card loading={coverage.isPending} style={{ height: '100%' }} data-testid="coverage-summary">
            {c && (
              <Space size={24} wrap align="center">
                <Progress
                  type="dashboard"
                  percent={pct(c.rate)}
                  size={110}
                  status={c.rate >= 1 ? 'success' : 'normal'}
                />
                <Space orientation="vertical">
                  <Statistic title={t('total')} value={c.total} />
                  <Statistic title={t('covered')} value={c.covered} />
                </Space>
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <Card title={t('byKind')} size="small" loading={coverage.isPending} style={{ height: '100%' }}>
            {c?.byKind.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
            {c?.byKind.map((k) => (
              <Row key={k.kind} align="middle" gutter={8} style={{ marginBottom: 6 }}>
                <Col flex="110px">{labels.gridKind(k.kind)}</Col>
                <Col flex="auto">
                  <Progress percent={pct(k.total ? k.covered / k.total : 1)} size="small" />
                </Col>
                <Col flex="64px" style={{ textAlign: 'right' }}>
                  {k.covered}/{k.total}
                </Col>
              </Row>
            ))}
          </Card>
        </Col>
      </Row>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'uncovered',
              label: t('uncovered', { n: c?.uncovered.length ?? 0 }),
              children:
                c && c.uncovered.length === 0 ? (
                  <Empty description={t('allCovered')} />
                ) : (
                  table(c?.uncovered, coverage.isPending, 'uncovered-table')
                ),
            },
            {
              key: 'all',
              label: t('all', { n: grid.data?.length ?? 0 }),
              children: table(grid.data, grid.isPending, 'grid-table'),
            },
          ]}
        />
      </Card>
      {editing && <GridCoverageDialog gridUnit={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
