import { QrcodeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { get } from '../../api';
import { defineMessages, useMessages } from '../../i18n';
import { timeRange } from './vol-api';

const messages = defineMessages(
  {
    title: '我的班次',
    today: '今天',
    now: '进行中',
    checkIn: '签到',
    checkedIn: '已签到',
    checkedOut: '已签退',
    none: '近期没有已报名的班次',
    browse: '去报名活动',
  },
  {
    title: 'My shifts',
    today: 'Today',
    now: 'On now',
    checkIn: 'Check in',
    checkedIn: 'Checked in',
    checkedOut: 'Checked out',
    none: 'No shifts signed up for soon',
    browse: 'Find an activity',
  },
);

/** One of my sign-ups (GET /api/volunteer/my/signups). */
export interface MySignup {
  id: number;
  status: string;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  post: string;
  shiftStart: string;
  shiftEnd: string;
  activityId: number;
  title: string;
  place: string;
  activityStatus: string;
}

/**
 * The shifts I can still check in or out of: confirmed, in an open activity, not ended more than two hours
 * ago (check-out stays open a while after the end); the shift on now or today first, then by start.
 */
export function upcomingShifts(items: MySignup[], now = Date.now()) {
  const today = dayjs(now).format('YYYY-MM-DD');
  return items
    .filter(
      (s) =>
        s.status === 'confirmed' &&
        s.activityStatus === 'published' &&
        Date.parse(s.shiftEnd) > now - 2 * 3_600_000 &&
        !s.checkedOutAt,
    )
    .map((s) => ({
      ...s,
      today: dayjs(s.shiftStart).format('YYYY-MM-DD') === today,
      on: Date.parse(s.shiftStart) <= now,
    }))
    .sort(
      (a, b) =>
        Number(b.on) - Number(a.on) || Number(b.today) - Number(a.today) || a.shiftStart.localeCompare(b.shiftStart),
    );
}

export const useMySignups = () =>
  useQuery({ queryKey: ['vol-my-signups'], queryFn: () => get<{ items: MySignup[] }>('/api/volunteer/my/signups') });

/** "My shifts" with a check-in button each: where a member starts checking in (the home tile and 我的活动 lead here). */
export function TodayShifts({ limit = 5, selected }: { limit?: number; selected?: number }) {
  const t = useMessages(messages);
  const mine = useMySignups();
  const shifts = upcomingShifts(mine.data?.items ?? []).slice(0, limit);
  return (
    <Card size="small" title={t('title')} loading={mine.isPending} data-testid="my-shifts">
      {shifts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('none')}>
          <Link to="/volunteer">{t('browse')}</Link>
        </Empty>
      ) : (
        <List
          size="small"
          dataSource={shifts}
          renderItem={(s) => (
            <List.Item
              style={{ background: s.activityId === selected ? '#fff1f0' : undefined, paddingInline: 8 }}
              data-testid="my-shift"
            >
              <Flex justify="space-between" align="center" gap={8} style={{ width: '100%' }}>
                <Flex vertical style={{ minWidth: 0 }}>
                  <Typography.Text strong ellipsis>
                    {s.title}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {`${s.post} · ${timeRange(s.shiftStart, s.shiftEnd)}`}
                  </Typography.Text>
                  <span>
                    {s.on ? (
                      <Tag color="red">{t('now')}</Tag>
                    ) : s.today ? (
                      <Tag color="volcano">{t('today')}</Tag>
                    ) : null}
                    {s.checkedInAt && <Tag color="green">{t('checkedIn')}</Tag>}
                  </span>
                </Flex>
                <Link to={`/volunteer/check-in?activity=${s.activityId}`}>
                  <Button type={s.today ? 'primary' : 'default'} icon={<QrcodeOutlined />}>
                    {t('checkIn')}
                  </Button>
                </Link>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
