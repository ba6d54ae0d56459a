import { CopyOutlined, LinkOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { get, post } from '../../api';
import { useBilingual } from '../../components/useBilingual';

interface CalendarItem {
  kind: 'shift' | 'duty';
  id: number;
  title: string;
  detail: string;
  place: string;
  startsAt: string;
  endsAt: string;
  link: string;
}
interface FeedStatus {
  subscribed: boolean;
  createdAt: string | null;
  remindBeforeMinutes: number;
}

/** 今天 · 12月5日 星期六 (dayjs follows the locale for the weekday). */
const dayTitle = (iso: string, L: ReturnType<typeof useBilingual>) => {
  const d = dayjs(iso);
  const rel = d.isSame(dayjs(), 'day')
    ? L('今天 · ', 'Today · ')
    : d.isSame(dayjs().add(1, 'day'), 'day')
      ? L('明天 · ', 'Tomorrow · ')
      : '';
  return `${rel}${d.format(L('M月D日 dddd', 'dddd, D MMM'))}`;
};

/**
 * /volunteer/calendar — 我的日程: my confirmed shifts and venue duties by day, reminders in the bell before
 * each, and a secret subscription address for the phone's own calendar (iPhone 日历 / Android 日历 / Outlook).
 */
export function CalendarPage() {
  const L = useBilingual();
  const { message } = App.useApp();
  const items = useQuery({
    queryKey: ['my-calendar'],
    queryFn: () => get<{ items: CalendarItem[] }>('/api/volunteer/my/calendar'),
  });
  const feed = useQuery({
    queryKey: ['my-calendar-feed'],
    queryFn: () => get<FeedStatus>('/api/volunteer/my/calendar/feed'),
  });
  const [address, setAddress] = useState<string | null>(null);
  const reset = useMutation({
    mutationFn: () => post<{ path: string }>('/api/volunteer/my/calendar/feed'),
    onSuccess: (r) => {
      setAddress(`${window.location.origin}${r.path}`);
      void feed.refetch();
    },
    onError: (e: Error) => message.error(e.message),
  });

  const upcoming = (items.data?.items ?? []).filter((i) => dayjs(i.endsAt).isAfter(dayjs()));
  const byDay = new Map<string, CalendarItem[]>();
  for (const i of upcoming) {
    const key = dayjs(i.startsAt).format('YYYY-MM-DD');
    byDay.set(key, [...(byDay.get(key) ?? []), i]);
  }
  const webcal = address?.replace(/^https?:/, 'webcal:');

  return (
    <>
      <h1 className="pioneer-page-title">{L('我的日程', 'My calendar')}</h1>
      <Typography.Paragraph type="secondary">
        {L(
          '报名成功的班次和阵地值班都在这里。每项开始前 {m} 分钟，右上角的通知会提醒您。',
          'Your confirmed shifts and venue duties. The bell reminds you {m} minutes before each one.',
          { m: feed.data?.remindBeforeMinutes ?? 120 },
        )}
      </Typography.Paragraph>
      {items.isError && <Alert type="error" showIcon title={items.error.message} />}
      {!items.isLoading && upcoming.length === 0 && (
        <Empty description={L('近期没有安排', 'Nothing planned')}>
          <Link to="/volunteer">
            <Button type="primary">{L('去看看可报名的活动', 'See activities open for sign-up')}</Button>
          </Link>
        </Empty>
      )}
      {[...byDay].map(([day, list]) => (
        <div key={day} style={{ marginBottom: 12 }} data-testid="calendar-day">
          <Typography.Title level={5} style={{ margin: '8px 0' }}>
            {dayTitle(list[0].startsAt, L)}
          </Typography.Title>
          <List
            dataSource={list}
            renderItem={(i) => (
              <List.Item style={{ padding: '4px 0', border: 'none' }}>
                <Link to={i.link} style={{ display: 'block', width: '100%', color: 'inherit' }}>
                  <Card size="small" hoverable>
                    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                      <Space wrap size={6}>
                        <Typography.Text strong>
                          {dayjs(i.startsAt).format('HH:mm')}–{dayjs(i.endsAt).format('HH:mm')}
                        </Typography.Text>
                        <Tag color={i.kind === 'shift' ? 'red' : 'blue'}>
                          {i.kind === 'shift' ? L('志愿服务', 'Volunteering') : L('值班', 'Duty')}
                        </Tag>
                      </Space>
                      <Typography.Text>{i.title}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {i.detail} · {i.place}
                      </Typography.Text>
                    </Space>
                  </Card>
                </Link>
              </List.Item>
            )}
          />
        </div>
      ))}
      <Card
        size="small"
        title={L('订阅到手机日历', 'Subscribe in your phone calendar')}
        style={{ marginTop: 16 }}
        data-testid="calendar-feed"
      >
        <Typography.Paragraph style={{ fontSize: 13 }}>
          {L(
            '生成一个只属于您的订阅地址，在手机日历中“添加订阅日历”（iPhone：设置 → 日历 → 账户 → 添加账户 → 其他 → 添加已订阅的日历）。日程会自动更新，并带开始前的提醒。地址相当于密码，请勿转发；重新生成后旧地址立即失效。',
            'Make an address only you have and add it in your phone calendar as a subscribed calendar (iPhone: Settings → Calendar → Accounts → Add Account → Other → Add Subscribed Calendar). It updates itself and carries the reminders. Treat the address like a password; making a new one stops the old one.',
          )}
        </Typography.Paragraph>
        {feed.data?.subscribed && !address && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {L('已于 {at} 生成过订阅地址。', 'An address was made on {at}.', {
              at: dayjs(feed.data.createdAt).format('YYYY-MM-DD HH:mm'),
            })}
          </Typography.Paragraph>
        )}
        {address && (
          <Space orientation="vertical" style={{ width: '100%', marginBottom: 8 }}>
            <Input readOnly value={address} data-testid="calendar-feed-url" />
            <Space wrap>
              <Button
                icon={<CopyOutlined />}
                onClick={() =>
                  navigator.clipboard?.writeText(address).then(() => message.success(L('已复制', 'Copied')))
                }
              >
                {L('复制地址', 'Copy address')}
              </Button>
              <Button icon={<LinkOutlined />} href={webcal}>
                {L('用日历打开', 'Open in calendar')}
              </Button>
            </Space>
          </Space>
        )}
        <Button
          type={address ? 'default' : 'primary'}
          loading={reset.isPending}
          onClick={() => reset.mutate()}
          data-testid="calendar-feed-new"
        >
          {feed.data?.subscribed ? L('重新生成订阅地址', 'Make a new address') : L('生成订阅地址', 'Make my address')}
        </Button>
      </Card>
    </>
  );
}
