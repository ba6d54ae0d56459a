import { LEDGER_SOURCE_LABELS, type LedgerSource } from '@pioneer/domain';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, List, Row, Segmented, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get } from '../../api';
import { BASIS_LABELS } from './labels';
import { categoryLabel, hours, type LedgerEntry, when } from './vol-api';

interface MyHours {
  totals: { year: number; minutes: number; credits: number }[];
  items: LedgerEntry[];
}

/** /volunteer/hours — my service hours by year, every ledger entry (credits, reversals) with who confirmed it. */
export default function MyHoursPage() {
  const [year, setYear] = useState<number | null>(null);
  const all = useQuery({ queryKey: ['vol-my-hours'], queryFn: () => get<MyHours>('/api/volunteer/my/hours') });
  const years = all.data?.totals.map((t) => t.year) ?? [];
  const shown = year ?? years[0] ?? null;
  const items = (all.data?.items ?? []).filter((e) => shown === null || e.serviceYear === shown);
  const total = all.data?.totals.find((t) => t.year === shown);
  return (
    <div style={{ maxWidth: 760, margin: '0 auto' }}>
      <h1 className="pioneer-page-title">我的服务时长</h1>
      {years.length === 0 && all.isSuccess && <Empty description="还没有服务时长记录" />}
      {years.length > 0 && (
        <>
          <Segmented
            block
            value={shown ?? undefined}
            onChange={(v) => setYear(Number(v))}
            options={years.map((y) => ({ value: y, label: `${y}年` }))}
          />
          <Row gutter={8} style={{ margin: '12px 0' }}>
            <Col span={12}>
              <Card size="small">
                <Statistic
                  title={`${shown}年累计`}
                  value={hours(total?.minutes ?? 0)}
                  valueStyle={{ fontSize: 20 }}
                  data-testid="year-total"
                />
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small">
                <Statistic title="服务记录" value={total?.credits ?? 0} suffix="条" valueStyle={{ fontSize: 20 }} />
              </Card>
            </Col>
          </Row>
          <List
            dataSource={items}
            renderItem={(e) => (
              <List.Item data-testid="hours-entry">
                <List.Item.Meta
                  title={
                    <span>
                      {e.activityTitle ?? e.description}{' '}
                      <Tag color={e.kind === 'credit' ? 'green' : 'red'}>
                        {e.kind === 'credit' ? '+' : ''}
                        {hours(e.minutes)}
                      </Tag>
                    </span>
                  }
                  description={
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {when(e.serviceStart)} · {categoryLabel(e.category)} ·{' '}
                      {LEDGER_SOURCE_LABELS[e.source as LedgerSource]} · {BASIS_LABELS[e.basis]} · 确认人{' '}
                      {e.confirmedByName}
                      {e.reversedBy ? ' · 已冲销' : ''}
                    </Typography.Text>
                  }
                />
              </List.Item>
            )}
          />
        </>
      )}
    </div>
  );
}
