import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, List, Row, Segmented, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get } from '../../api';
import { useMessages } from '../../i18n';
import { useVolLabels } from './labels';
import { volMessages } from './messages';
import { type LedgerEntry, when } from './vol-api';

interface MyHours {
  totals: { year: number; minutes: number; credits: number }[];
  items: LedgerEntry[];
}

/** /volunteer/hours — my service hours by year, every ledger entry (credits, reversals) with who confirmed it. */
export default function MyHoursPage() {
  const t = useMessages(volMessages);
  const labels = useVolLabels();
  const [year, setYear] = useState<number | null>(null);
  const all = useQuery({ queryKey: ['vol-my-hours'], queryFn: () => get<MyHours>('/api/volunteer/my/hours') });
  const years = all.data?.totals.map((y) => y.year) ?? [];
  const shown = year ?? years[0] ?? null;
  const items = (all.data?.items ?? []).filter((e) => shown === null || e.serviceYear === shown);
  const total = all.data?.totals.find((y) => y.year === shown);
  return (
    <div style={{ maxWidth: 760, margin: '0 auto' }}>
      <h1 className="pioneer-page-title">{t('myHours')}</h1>
      {years.length === 0 && all.isSuccess && <Empty description={t('noHours')} />}
      {years.length > 0 && (
        <>
          <Segmented
            block
            value={shown ?? undefined}
            onChange={(v) => setYear(Number(v))}
            options={years.map((y) => ({ value: y, label: t('year', { year: y }) }))}
          />
          <Row gutter={8} style={{ margin: '12px 0' }}>
            <Col span={12}>
              <Card size="small">
                <Statistic
                  title={t('yearTotal', { year: shown ?? '' })}
                  value={labels.hours(total?.minutes ?? 0)}
                  valueStyle={{ fontSize: 20 }}
                  data-testid="year-total"
                />
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small">
                <Statistic
                  title={t('records')}
                  value={total?.credits ?? 0}
                  suffix={t('recordsUnit')}
                  valueStyle={{ fontSize: 20 }}
                />
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
                        {labels.hours(e.minutes)}
                      </Tag>
                    </span>
                  }
                  description={
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {when(e.serviceStart)} · {labels.category(e.category)} · {labels.ledgerSource(e.source)} ·{' '}
                      {labels.basis(e.basis)} · {t('confirmedBy', { name: e.confirmedByName })}
                      {e.reversedBy ? t('reversedSuffix') : ''}
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
