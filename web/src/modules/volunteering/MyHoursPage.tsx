import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, List, Row, Segmented, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get } from '../../api';
import { useMessages } from '../../i18n';
import { useVolLabels } from './labels';
import { volMessages } from './messages';
import { reviewMessages } from './messages-review';
import { type LedgerEntry, when } from './vol-api';

interface MyHours {
  /** minutes: hours that count; pendingMinutes: flagged hours under review, shown but not counted. */
  totals: { year: number; minutes: number; credits: number; pendingMinutes: number; pendingCount: number }[];
  items: LedgerEntry[];
}

/**
 * /volunteer/hours — my service hours by year, every ledger entry (credits, reversals) with who confirmed it.
 * Flagged hours under review show as 复核中 and are left out of the total until accepted.
 */
export default function MyHoursPage() {
  const t = useMessages(volMessages);
  const r = useMessages(reviewMessages);
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
          {(total?.pendingMinutes ?? 0) > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="pending-note"
              message={r('pendingNote', { hours: labels.hours(total!.pendingMinutes) })}
            />
          )}
          <List
            dataSource={items}
            renderItem={(e) => (
              <List.Item data-testid="hours-entry">
                <List.Item.Meta
                  title={
                    <span>
                      {e.activityTitle ?? e.description}{' '}
                      <Tag color={e.kind === 'credit' ? (e.reviewState === 'pending' ? 'orange' : 'green') : 'red'}>
                        {e.kind === 'credit' ? '+' : ''}
                        {labels.hours(e.minutes)}
                      </Tag>
                      {e.reviewState === 'pending' && (
                        <Tag color="orange" data-testid="pending-tag">
                          {r('pending')}
                        </Tag>
                      )}
                    </span>
                  }
                  description={
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {when(e.serviceStart)} · {labels.category(e.category)} · {labels.ledgerSource(e.source)} ·{' '}
                      {labels.basis(e.basis)} · {t('confirmedBy', { name: e.confirmedByName })}
                      {e.reversedBy ? t('reversedSuffix') : ''}
                      <ReviewNote e={e} />
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

/** Why an entry is not counted yet, or how its review was decided (the decision is shown on the entry). */
function ReviewNote({ e }: { e: LedgerEntry }) {
  const r = useMessages(reviewMessages);
  if (e.reviewState === 'pending') {
    return <div>{r('pendingEntry', { reasons: (e.flags ?? []).map((f) => f.reason).join('；') })}</div>;
  }
  if (e.decision === 'accepted') return <div>{r('acceptedEntry', { reason: e.decisionReason ?? '' })}</div>;
  if (e.decision === 'reversed') return <div>{r('reversedEntry', { reason: e.decisionReason ?? '' })}</div>;
  return null;
}
