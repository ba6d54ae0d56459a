import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Table, Typography } from 'antd';
import { ApiError, get, post } from '../../api';
import { defineMessages, format, useMessages } from '../../i18n';

const messages = defineMessages(
  {
    title: '登录保护',
    intro: '连续输错密码后，再次登录需要等待（15秒起，逐次加倍）。在本人登录过的浏览器上，他人的尝试不会影响本人登录。',
    none: '目前没有失败登录记录，登录不受限制。',
    slowed: '登录已放慢：有人连续输错密码。',
    waitUntil: '来自陌生设备的下次尝试须等到 {time}。',
    counted: '有失败登录记录，但尚未放慢。',
    devices: '登录过此账号的浏览器：{n} 个',
    kind: '来源',
    address: '地址',
    failures: '失败次数',
    last: '最近一次失败',
    until: '须等待至',
    clear: '清除限制',
    cleared: '已清除登录限制',
    kind_pair: '某一地址',
    kind_account: '陌生设备（各地址合计）',
    kind_device: '登录过的设备',
    kind_address: '某一地址（各账号合计）',
  },
  {
    title: 'Sign-in protection',
    intro:
      'After repeated wrong passwords, the next attempt has to wait (from 15 s, doubling). Browsers that have signed in to the account before are not slowed by what others try.',
    none: 'No failed sign-ins: sign-in is not slowed.',
    slowed: 'Sign-in is slowed: someone entered wrong passwords repeatedly.',
    waitUntil: 'The next attempt from an unknown device must wait until {time}.',
    counted: 'Failed sign-ins are counted, but sign-in is not slowed yet.',
    devices: 'Browsers that have signed in to this account: {n}',
    kind: 'Source',
    address: 'Address',
    failures: 'Failures',
    last: 'Last failure',
    until: 'Wait until',
    clear: 'Clear',
    cleared: 'Sign-in throttle cleared',
    kind_pair: 'One address',
    kind_account: 'Unknown devices (all addresses)',
    kind_device: 'A browser used before',
    kind_address: 'One address (all accounts)',
  },
);

interface Entry {
  kind: string;
  kindLabel: string;
  address: string | null;
  failures: number;
  slowed: boolean;
  lastFailureAt: string | null;
  blockedUntil: string | null;
}
interface ThrottleState {
  username: string;
  throttled: boolean;
  blockedUntil: string | null;
  entries: Entry[];
  knownDevices: number;
}

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');

/**
 * Failed sign-ins counted against an account, and the button that clears them. Without `personId`: the signed-in
 * person's own account (/account/password). With it: an administrator's view of that person (/access); the card
 * stays hidden where the server says the viewer may not manage it.
 */
export function LoginThrottleCard({ personId }: { personId?: number }) {
  const t = useMessages(messages);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const key = ['login-throttle', personId ?? 'me'];
  const base = personId ? '/api/access/login-throttle' : '/api/auth/login-throttle';
  const state = useQuery({
    queryKey: key,
    queryFn: () => get<ThrottleState>(personId ? `${base}?personId=${personId}` : base),
    retry: false,
  });
  const clear = useMutation({
    mutationFn: () => post<ThrottleState>(`${base}/clear`, personId ? { personId } : {}),
    onSuccess: (data) => {
      queryClient.setQueryData(key, data);
      message.success(t('cleared'));
    },
    onError: (err) => message.error(err.message),
  });
  if (state.error instanceof ApiError && [403, 404].includes(state.error.status)) return null;
  const data = state.data;
  const status = !data
    ? null
    : data.throttled
      ? {
          type: 'warning' as const,
          text: `${t('slowed')}${data.blockedUntil ? format(t('waitUntil'), { time: time(data.blockedUntil) }) : ''}`,
        }
      : {
          type: data.entries.length ? ('info' as const) : ('success' as const),
          text: t(data.entries.length ? 'counted' : 'none'),
        };

  return (
    <Card
      size="small"
      title={t('title')}
      loading={state.isPending}
      style={personId ? undefined : { maxWidth: 480, marginTop: 16 }}
      data-testid="login-throttle"
      extra={
        data && data.entries.length > 0 ? (
          <Button size="small" danger loading={clear.isPending} onClick={() => clear.mutate()}>
            {t('clear')}
          </Button>
        ) : null
      }
    >
      {status && <Alert type={status.type} showIcon title={status.text} style={{ marginBottom: 8 }} />}
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('intro')} {data ? format(t('devices'), { n: data.knownDevices }) : ''}
      </Typography.Paragraph>
      {data && data.entries.length > 0 && (
        <Table<Entry>
          size="small"
          rowKey={(e) => `${e.kind}-${e.address}`}
          dataSource={data.entries}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('kind'), key: 'kind', render: (_, e) => t(`kind_${e.kind}` as 'kind_pair') },
            { title: t('address'), dataIndex: 'address', render: (v: string | null) => v ?? '—' },
            { title: t('failures'), dataIndex: 'failures' },
            { title: t('last'), dataIndex: 'lastFailureAt', render: time },
            { title: t('until'), dataIndex: 'blockedUntil', render: time },
          ]}
        />
      )}
    </Card>
  );
}
