import { QrcodeOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Space, Spin, Switch, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router';
import { get, post } from '../../api';
import { defineMessages, useMessages } from '../../i18n';
import { volMessages } from './messages';
import { TodayShifts } from './TodayShifts';
import { type ActivityDetail, showError, timeRange, when } from './vol-api';

// The camera scanner and its QR decoder load only when someone taps 扫码签到.
const QrScanner = lazy(() => import('./QrScanner').then((m) => ({ default: m.QrScanner })));

const messages = defineMessages(
  {
    scan: '扫码签到',
    scanHint: '扫描组织者手机上的二维码，自动识别活动和签到码；也可以在下方输入签到码。',
    scanned: '已识别：{title}',
    notOurs: '这不是本平台的签到二维码',
    activity: '活动',
    other: '换一个活动',
    choose: '从“我的班次”中选择活动，或直接扫码',
    myShift: '我的岗位：{post}，{time}',
  },
  {
    scan: 'Scan to check in',
    scanHint: 'Scan the QR code on the organizer’s phone: it gives the activity and the code. Or type the code below.',
    scanned: 'Recognised: {title}',
    notOurs: 'This is not a check-in QR code of this platform',
    activity: 'Activity',
    other: 'Choose another activity',
    choose: 'Choose an activity from “My shifts”, or just scan',
    myShift: 'My post: {post}, {time}',
  },
);

interface Position {
  latitude?: number;
  longitude?: number;
}
const locate = (): Promise<Position> =>
  new Promise((resolve) => {
    if (!navigator.geolocation) return resolve({});
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude }),
      () => resolve({}),
      { timeout: 8000 },
    );
  });

/** What a scanned QR says: the check-in address carries the activity and the current code. */
export function readCheckinQr(text: string): { activity: string; code: string } | null {
  try {
    const url = new URL(text, window.location.origin);
    const activity = url.searchParams.get('activity') ?? '';
    const code = url.searchParams.get('code') ?? '';
    if (!url.pathname.endsWith('/volunteer/check-in') || !/^\d+$/.test(activity) || !/^\d{6}$/.test(code)) return null;
    return { activity, code };
  } catch {
    return null;
  }
}

/**
 * /volunteer/check-in?activity=&code= — check in or out of a shift. A member scans the organizer's QR with the
 * phone camera (or opens its address with any scanner), or picks the activity from "my shifts" and types the
 * code. The page always names the activity it checks into.
 */
export default function CheckInPage() {
  const t = useMessages(volMessages);
  const c = useMessages(messages);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const activityId = params.get('activity') ?? '';
  const [code, setCode] = useState(params.get('code') ?? '');
  const [scanning, setScanning] = useState(false);
  const [useLocation, setUseLocation] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const activity = useQuery({
    queryKey: ['vol-activity', activityId],
    queryFn: () => get<ActivityDetail>(`/api/volunteer/activities/${activityId}`),
    enabled: activityId !== '',
    retry: false,
  });
  const myShift = activity.data?.shifts.find((s) => s.myStatus === 'confirmed');

  const act = useMutation({
    mutationFn: async (kind: 'check-in' | 'check-out') => {
      const place = useLocation ? await locate() : {};
      return {
        kind,
        r: await post<{ checkedInAt?: string; checkedOutAt?: string; late?: boolean; post?: string }>(
          `/api/volunteer/activities/${activityId}/${kind}`,
          { code: code.trim(), ...place },
        ),
      };
    },
    onSuccess: ({ kind, r }) => {
      setResult(
        kind === 'check-in'
          ? `${t('checkInDone', { post: r.post ?? '', time: when(r.checkedInAt) })}${r.late ? t('checkInLate') : ''}`
          : t('checkOutDone', { time: when(r.checkedOutAt) }),
      );
      qc.invalidateQueries({ queryKey: ['vol-my-signups'] });
      qc.invalidateQueries({ queryKey: ['vol-activity', activityId] });
    },
    onError: (err) => {
      setResult(null);
      showError(err);
    },
  });

  const onScan = (text: string) => {
    setScanning(false);
    const read = readCheckinQr(text);
    if (!read) {
      message.error(c('notOurs'));
      return;
    }
    setResult(null);
    setCode(read.code);
    setParams({ activity: read.activity }, { replace: true });
  };
  const choose = (id: string) => {
    setResult(null);
    setCode('');
    setParams(id ? { activity: id } : {}, { replace: true });
  };

  return (
    <div style={{ maxWidth: 480, margin: '0 auto' }}>
      <h1 className="pioneer-page-title">{t('checkInOut')}</h1>
      <Flex vertical gap={12}>
        <Card size="small">
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {c('scanHint')}
          </Typography.Paragraph>
          {scanning ? (
            <Suspense fallback={<Spin style={{ display: 'block', margin: 24 }} />}>
              <QrScanner onResult={onScan} onClose={() => setScanning(false)} />
            </Suspense>
          ) : (
            <Button
              type="primary"
              size="large"
              block
              icon={<QrcodeOutlined />}
              onClick={() => setScanning(true)}
              data-testid="scan-button"
            >
              {c('scan')}
            </Button>
          )}
        </Card>
        {activityId ? (
          <Card
            size="small"
            title={activity.data?.title ?? t('checkInOut')}
            extra={
              <Button type="link" size="small" onClick={() => choose('')}>
                {c('other')}
              </Button>
            }
            data-testid="checkin-activity"
          >
            {activity.isPending && <Spin />}
            {activity.isError && <Alert type="error" showIcon title={activity.error.message} />}
            {activity.data && (
              <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
                {activity.data.place}
                <br />
                {myShift
                  ? c('myShift', { post: myShift.post, time: timeRange(myShift.startsAt, myShift.endsAt) })
                  : timeRange(activity.data.startsAt, activity.data.endsAt)}
              </Typography.Paragraph>
            )}
            <Form layout="vertical">
              <Form.Item label={t('codeLabel')}>
                <Input
                  aria-label={t('code')}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  value={code}
                  onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
                  style={{ fontSize: 28, letterSpacing: 6, textAlign: 'center' }}
                />
              </Form.Item>
              <Form.Item label={t('shareLocation')}>
                <Switch checked={useLocation} onChange={setUseLocation} />
              </Form.Item>
              <Space style={{ width: '100%' }} orientation="vertical">
                <Button
                  type="primary"
                  block
                  size="large"
                  disabled={code.length !== 6}
                  loading={act.isPending && act.variables === 'check-in'}
                  onClick={() => act.mutate('check-in')}
                >
                  {t('checkIn')}
                </Button>
                <Button
                  block
                  disabled={code.length !== 6}
                  loading={act.isPending && act.variables === 'check-out'}
                  onClick={() => act.mutate('check-out')}
                >
                  {t('checkOut')}
                </Button>
              </Space>
            </Form>
            {result && (
              <Alert style={{ marginTop: 12 }} type="success" showIcon title={result} data-testid="checkin-result" />
            )}
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
              {t('checkInRules')}
            </Typography.Paragraph>
          </Card>
        ) : (
          <Typography.Text type="secondary">{c('choose')}</Typography.Text>
        )}
        <TodayShifts selected={Number(activityId) || undefined} />
      </Flex>
    </div>
  );
}
