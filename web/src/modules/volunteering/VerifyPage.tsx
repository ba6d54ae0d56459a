import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Input, Space, Spin } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, get } from '../../api';
import { useMessages } from '../../i18n';
import { useVolLabels } from './labels';
import { volMessages } from './messages';
import { reviewMessages } from './messages-review';
import { when } from './vol-api';

interface Verified {
  valid: boolean;
  serial: string;
  volunteerName: string;
  volunteerNo: string;
  unitName: string;
  periodFrom: string;
  periodTo: string;
  totalMinutes: number;
  activityCount: number;
  responsibleName: string;
  handlerName: string;
  issuedAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
  /** The certificate issued in its place, when it was revoked and reissued. */
  replacedBy: string | null;
  /** Still valid, but some of its hours are under review or were reversed since issue. */
  hoursUnderReview: boolean;
}

/** /verify and /verify/:serial (public) — anyone checks a 志愿服务证明 by its serial number. */
export default function VerifyPage() {
  const t = useMessages(volMessages);
  const r = useMessages(reviewMessages);
  const labels = useVolLabels();
  const { serial = '' } = useParams();
  const navigate = useNavigate();
  const [input, setInput] = useState(serial);
  const result = useQuery({
    queryKey: ['vol-verify', serial],
    queryFn: () => get<Verified>(`/api/public/certificates/${encodeURIComponent(serial)}`),
    enabled: serial !== '',
    retry: false,
  });
  const c = result.data;
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      <h1 className="pioneer-page-title">{t('verifyTitle')}</h1>
      <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
        <Input
          aria-label={t('serial')}
          placeholder={t('serialPlaceholder')}
          value={input}
          onChange={(e) => setInput(e.target.value)}
        />
        <Button type="primary" onClick={() => navigate(`/verify/${encodeURIComponent(input.trim())}`)}>
          {t('verify')}
        </Button>
      </Space.Compact>
      {result.isFetching && <Spin style={{ display: 'block', margin: 24 }} />}
      {result.isError && (
        <Alert
          type="error"
          showIcon
          icon={<CloseCircleFilled />}
          data-testid="verify-result"
          message={
            result.error instanceof ApiError && result.error.status === 404
              ? t('certificateNotFound')
              : t('verifyFailed')
          }
          description={result.error.message}
        />
      )}
      {c && (
        <Card data-testid="verify-result">
          <Alert
            type={c.valid ? 'success' : 'warning'}
            showIcon
            icon={c.valid ? <CheckCircleFilled /> : <CloseCircleFilled />}
            message={
              c.valid
                ? t('certificateValid')
                : t('certificateRevoked', { time: when(c.revokedAt), reason: c.revokeReason ?? '' })
            }
            style={{ marginBottom: 12 }}
          />
          {c.replacedBy && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="verify-replaced"
              message={
                <Link to={`/verify/${encodeURIComponent(c.replacedBy)}`}>
                  {r('replacedBy', { serial: c.replacedBy })}
                </Link>
              }
            />
          )}
          {c.valid && c.hoursUnderReview && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={r('hoursUnderReview')} />
          )}
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('serial')}>{c.serial}</Descriptions.Item>
            <Descriptions.Item label={t('volunteer')}>{c.volunteerName}</Descriptions.Item>
            <Descriptions.Item label={t('volunteerNoLabel')}>{c.volunteerNo}</Descriptions.Item>
            <Descriptions.Item label={t('servicePeriod')}>
              {t('periodRange', { from: c.periodFrom, to: c.periodTo })}
            </Descriptions.Item>
            <Descriptions.Item label={t('serviceHours')}>
              {t('hoursOfActivities', { hours: labels.hours(c.totalMinutes), count: c.activityCount })}
            </Descriptions.Item>
            <Descriptions.Item label={t('issuingUnit')}>{c.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('responsibleAndHandler')}>
              {c.responsibleName} / {c.handlerName}
            </Descriptions.Item>
            <Descriptions.Item label={t('issuedAt')}>{when(c.issuedAt)}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </div>
  );
}
