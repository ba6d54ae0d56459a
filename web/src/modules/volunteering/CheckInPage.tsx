import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { post } from '../../api';
import { useMessages } from '../../i18n';
import { volMessages } from './messages';
import { showError, when } from './vol-api';

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

/** /volunteer/check-in?activity=&code= — check in or out with the organizer's current code (scanned or typed). */
export default function CheckInPage() {
  const t = useMessages(volMessages);
  const [params] = useSearchParams();
  const [activity, setActivity] = useState(params.get('activity') ?? '');
  const [code, setCode] = useState(params.get('code') ?? '');
  const [useLocation, setUseLocation] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const act = useMutation({
    mutationFn: async (kind: 'check-in' | 'check-out') => {
      const place = useLocation ? await locate() : {};
      return {
        kind,
        r: await post<{ checkedInAt?: string; checkedOutAt?: string; late?: boolean; post?: string }>(
          `/api/volunteer/activities/${activity}/${kind}`,
          { code: code.trim(), ...place },
        ),
      };
    },
    onSuccess: ({ kind, r }) =>
      setResult(
        kind === 'check-in'
          ? `${t('checkInDone', { post: r.post ?? '', time: when(r.checkedInAt) })}${r.late ? t('checkInLate') : ''}`
          : t('checkOutDone', { time: when(r.checkedOutAt) }),
      ),
    onError: (err) => {
      setResult(null);
      showError(err);
    },
  });
  return (
    <div style={{ maxWidth: 420, margin: '0 auto' }}>
      <h1 className="pioneer-page-title">{t('checkInOut')}</h1>
      <Card>
        <Form layout="vertical">
          {!params.get('activity') && (
            <Form.Item label={t('activityNo')}>
              <Input
                inputMode="numeric"
                value={activity}
                onChange={(e) => setActivity(e.target.value.replace(/\D/g, ''))}
              />
            </Form.Item>
          )}
          <Form.Item label={t('codeLabel')}>
            <Input
              aria-label={t('code')}
              inputMode="numeric"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
              style={{ fontSize: 28, letterSpacing: 6, textAlign: 'center' }}
            />
          </Form.Item>
          <Form.Item label={t('shareLocation')}>
            <Switch checked={useLocation} onChange={setUseLocation} />
          </Form.Item>
          <Space style={{ width: '100%' }} direction="vertical">
            <Button
              type="primary"
              block
              size="large"
              disabled={!activity || code.length !== 6}
              loading={act.isPending}
              onClick={() => act.mutate('check-in')}
            >
              {t('checkIn')}
            </Button>
            <Button
              block
              disabled={!activity || code.length !== 6}
              loading={act.isPending}
              onClick={() => act.mutate('check-out')}
            >
              {t('checkOut')}
            </Button>
          </Space>
        </Form>
        {result && (
          <Alert style={{ marginTop: 12 }} type="success" showIcon message={result} data-testid="checkin-result" />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
          {t('checkInRules')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
