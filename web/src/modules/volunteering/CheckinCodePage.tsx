import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Progress, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { get } from '../../api';
import { useMessages } from '../../i18n';
import { volMessages } from './messages';

interface Code {
  title: string;
  code: string;
  expiresAt: string;
  stepSeconds: number;
  url: string;
  qrSvg: string;
}

/** /volunteer/activities/:id/code — the organizer's phone: a code and QR that change every 30 seconds. */
export default function CheckinCodePage() {
  const t = useMessages(volMessages);
  const { id } = useParams();
  const [now, setNow] = useState(Date.now());
  const code = useQuery({
    queryKey: ['vol-code', id],
    queryFn: () => get<Code>(`/api/volunteer/activities/${id}/checkin-code`),
    // Ask again just after the current code turns; the server decides what is current.
    refetchInterval: (q) => Math.max(1000, Date.parse(q.state.data?.expiresAt ?? '') - Date.now() + 300 || 5000),
  });
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  if (code.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (code.isError) return <Alert type="error" showIcon message={code.error.message} />;
  const left = Math.max(0, Math.ceil((Date.parse(code.data.expiresAt) - now) / 1000));
  return (
    <div style={{ maxWidth: 420, margin: '0 auto', textAlign: 'center' }}>
      <Typography.Title level={4}>{code.data.title}</Typography.Title>
      <Card>
        <img
          alt={t('qrAlt')}
          width={240}
          height={240}
          style={{ display: 'block', margin: '0 auto' }}
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(code.data.qrSvg)}`}
        />
        <div
          data-testid="checkin-code"
          style={{ fontSize: 44, letterSpacing: 8, fontWeight: 700, fontFamily: 'monospace' }}
        >
          {code.data.code}
        </div>
        <Progress percent={(left / code.data.stepSeconds) * 100} showInfo={false} size="small" />
        <Typography.Text type="secondary">{t('codeTurns', { left })}</Typography.Text>
      </Card>
    </div>
  );
}
