import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Flex, List, Row, Segmented, Select, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { get } from '../../api';
import { useSession } from '../../session';
import { useUnitsFor } from './vol-admin';
import { hours, when } from './vol-api';

interface FeedbackRow {
  personId: number;
  name: string;
  unitName: string;
  volunteerNo: string | null;
  communityName: string | null;
  reportedAt: string | null;
  confirmedServices: number;
  minutes: number;
  averageRating: number | null;
  feedback: string[];
}
interface Feedback {
  unit: { id: number; name: string };
  period: { year: number; quarter: number; from: string; to: string };
  reported: number;
  notReported: number;
  items: FeedbackRow[];
}

/** 双报到季度反馈 (GET /api/volunteer/dual-reports/feedback): per branch, who reported where and what they did. */
export function QuarterFeedback() {
  const { currentUnit } = useSession();
  const units = useUnitsFor('volunteer.view');
  const now = dayjs();
  // Follows the header's current unit until the person picks another unit here.
  const [picked, setUnitId] = useState<number | undefined>();
  const unitId = picked ?? currentUnit?.id;
  const [year, setYear] = useState(now.year());
  const [quarter, setQuarter] = useState(Math.floor(now.month() / 3) + 1);
  const [show, setShow] = useState<'all' | 'reported' | 'not'>('all');
  const chosen = unitId ?? (units.options[0]?.value as number | undefined);
  const feedback = useQuery({
    queryKey: ['vol-dual-feedback', chosen, year, quarter],
    queryFn: () =>
      get<Feedback>(`/api/volunteer/dual-reports/feedback?unitId=${chosen}&year=${year}&quarter=${quarter}`),
    enabled: Boolean(chosen),
  });
  const f = feedback.data;
  return (
    <Card size="small" title="季度反馈（按支部）" data-testid="dual-feedback">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="支部"
          style={{ flex: '1 1 200px' }}
          value={chosen}
          onChange={setUnitId}
          loading={units.loading}
          options={units.options}
          showSearch={{ optionFilterProp: 'label' }}
        />
        <Select
          aria-label="年份"
          style={{ width: 100 }}
          value={year}
          onChange={setYear}
          options={[0, 1, 2].map((d) => ({ value: now.year() - d, label: `${now.year() - d}年` }))}
        />
        <Select
          aria-label="季度"
          style={{ width: 110 }}
          value={quarter}
          onChange={setQuarter}
          options={[1, 2, 3, 4].map((q) => ({ value: q, label: `第${q}季度` }))}
        />
      </Flex>
      {feedback.isError && <Alert type="error" showIcon message={feedback.error.message} />}
      {f && (
        <>
          <Row gutter={8} style={{ marginBottom: 8 }}>
            <Col span={8}>
              <Statistic title="已报到" value={f.reported} suffix="人" />
            </Col>
            <Col span={8}>
              <Statistic title="未报到" value={f.notReported} suffix="人" />
            </Col>
            <Col span={8}>
              <Statistic
                title="社区确认服务"
                value={f.items.reduce((n, i) => n + i.confirmedServices, 0)}
                suffix="次"
              />
            </Col>
          </Row>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {f.unit.name} · {f.period.from} 至 {f.period.to}
          </Typography.Paragraph>
          <Segmented
            block
            style={{ marginBottom: 8 }}
            value={show}
            onChange={(v) => setShow(v as typeof show)}
            options={[
              { value: 'all', label: `全部 ${f.items.length}` },
              { value: 'reported', label: `已报到 ${f.reported}` },
              { value: 'not', label: `未报到 ${f.notReported}` },
            ]}
          />
          {f.items.length === 0 ? (
            <Empty description="该支部没有党员" />
          ) : (
            <List
              dataSource={f.items.filter((i) =>
                show === 'all' ? true : show === 'reported' ? i.communityName !== null : i.communityName === null,
              )}
              pagination={{ pageSize: 20, size: 'small', showSizeChanger: false, hideOnSinglePage: true }}
              renderItem={(i) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Space wrap size={4}>
                        {i.name}
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {i.unitName}
                        </Typography.Text>
                        {i.communityName ? (
                          <Tag color="green">已报到 {i.communityName}</Tag>
                        ) : (
                          <Tag color="orange">未报到</Tag>
                        )}
                      </Space>
                    }
                    description={
                      <>
                        <div>
                          {i.reportedAt ? `报到于 ${when(i.reportedAt)} · ` : ''}本季度社区确认 {i.confirmedServices}{' '}
                          次，{hours(i.minutes)}
                          {i.averageRating ? ` · 平均评价 ${i.averageRating} 分` : ''}
                        </div>
                        {i.feedback.map((t) => (
                          <div key={t}>社区反馈：{t}</div>
                        ))}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Card>
  );
}
