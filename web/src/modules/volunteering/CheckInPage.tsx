import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { post } from '../../api';
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
          ? `签到成功（${r.post ?? ''}，${when(r.checkedInAt)}）${r.late ? '：已迟到，需组织者审核' : ''}`
          : `签退成功（${when(r.checkedOutAt)}）`,
      ),
    onError: (err) => {
      setResult(null);
      showError(err);
    },
  });
  return (
    <div style={{ maxWidth: 420, margin: '0 auto' }}>
      <h1 className="pioneer-page-title">签到 / 签退</h1>
      <Card>
        <Form layout="vertical">
          {!params.get('activity') && (
            <Form.Item label="活动编号">
              <Input
                inputMode="numeric"
                value={activity}
                onChange={(e) => setActivity(e.target.value.replace(/\D/g, ''))}
              />
            </Form.Item>
          )}
          <Form.Item label="签到码（6位数字，每30秒更换）">
            <Input
              aria-label="签到码"
              inputMode="numeric"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
              style={{ fontSize: 28, letterSpacing: 6, textAlign: 'center' }}
            />
          </Form.Item>
          <Form.Item label="提供位置（活动要求定位时打开）">
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
              签到
            </Button>
            <Button
              block
              disabled={!activity || code.length !== 6}
              loading={act.isPending}
              onClick={() => act.mutate('check-out')}
            >
              签退
            </Button>
          </Space>
        </Form>
        {result && (
          <Alert style={{ marginTop: 12 }} type="success" showIcon message={result} data-testid="checkin-result" />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
          开始前30分钟起可签到；开始15分钟后签到算迟到，需组织者审核。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
