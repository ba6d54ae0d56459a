import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, get, post } from '../api';
import { shellMessages, useMessages } from '../i18n';

export interface Notification {
  id: number;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}
interface NotificationList {
  items: Notification[];
  unread: number;
  /** The server has no notification routes (yet): show nothing and stop asking. */
  missing?: boolean;
}

const KEY = ['notifications'] as const;

async function fetchNotifications(): Promise<NotificationList> {
  try {
    return await get<NotificationList>('/api/notifications');
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return { items: [], unread: 0, missing: true };
    throw err;
  }
}

/** The header bell: unread count, the latest notifications, mark one or all read. */
export function NotificationBell() {
  const t = useMessages(shellMessages);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: KEY,
    queryFn: fetchNotifications,
    refetchInterval: (q) => (q.state.data?.missing ? false : 60_000),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: KEY });
  const markRead = useMutation({
    mutationFn: (id: number) => post(`/api/notifications/${id}/read`),
    onSettled: refresh,
  });
  const markAll = useMutation({ mutationFn: () => post('/api/notifications/read-all'), onSettled: refresh });

  const data = list.data ?? { items: [], unread: 0 };
  const openItem = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpen(false);
    if (n.link?.startsWith('/')) navigate(n.link);
  };

  const content = (
    <div style={{ width: 'min(360px, calc(100vw - 32px))' }} data-testid="notification-list">
      {data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noNotifications')} />
      ) : (
        <List
          size="small"
          dataSource={data.items}
          style={{ maxHeight: 400, overflowY: 'auto' }}
          renderItem={(n) => (
            <List.Item onClick={() => openItem(n)} style={{ cursor: 'pointer', paddingInline: 4 }}>
              <List.Item.Meta
                title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
                description={
                  <>
                    <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                      {n.body}
                    </Typography.Paragraph>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
          <span>{t('notifications')}</span>
          {data.unread > 0 && (
            <Button type="link" size="small" onClick={() => markAll.mutate()} loading={markAll.isPending}>
              {t('markAllRead')}
            </Button>
          )}
        </div>
      }
      content={content}
    >
      <Button
        type="text"
        aria-label={`${t('notifications')}${data.unread ? `（${t('unreadCount', { n: data.unread })}）` : ''}`}
        data-testid="notification-bell"
        style={{ color: '#fff', paddingInline: 6 }}
      >
        <Badge count={data.unread} size="small" offset={[2, -2]}>
          <BellOutlined style={{ fontSize: 18, color: '#fff' }} />
        </Badge>
      </Button>
    </Popover>
  );
}
