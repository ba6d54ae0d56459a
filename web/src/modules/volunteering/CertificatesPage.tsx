import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { get } from '../../api';
import { useMessages } from '../../i18n';
import { useVolLabels } from './labels';
import { volMessages } from './messages';
import { reviewMessages } from './messages-review';
import { type Certificate, when } from './vol-api';

/** /volunteer/certificates — my 志愿服务证明: download the PDF, check it on the public page. */
export default function CertificatesPage() {
  const t = useMessages(volMessages);
  const mine = useQuery({
    queryKey: ['vol-my-certs'],
    queryFn: () => get<{ items: Certificate[] }>('/api/volunteer/my/certificates'),
  });
  return (
    <div style={{ maxWidth: 760, margin: '0 auto' }}>
      <h1 className="pioneer-page-title">{t('myCertificates')}</h1>
      <Typography.Paragraph type="secondary">{t('certificatesIntro')}</Typography.Paragraph>
      {mine.data?.items.length === 0 && <Empty description={t('noCertificates')} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {mine.data?.items.map((c) => (
          <CertificateCard key={c.id} c={c} />
        ))}
      </Space>
    </div>
  );
}

export function CertificateCard({ c }: { c: Certificate }) {
  const t = useMessages(volMessages);
  const r = useMessages(reviewMessages);
  const labels = useVolLabels();
  return (
    <Card
      size="small"
      title={c.unitName}
      extra={c.revokedAt ? <Tag color="red">{t('revoked')}</Tag> : <Tag color="green">{t('valid')}</Tag>}
      data-testid="certificate-card"
    >
      <div>
        {t('serialPrefix')}
        <Typography.Text copyable data-testid="certificate-serial">
          {c.serial}
        </Typography.Text>
      </div>
      <div>{t('personWithNo', { name: c.personName, no: c.volunteerNo })}</div>
      <div>
        {t('certificateSummary', {
          from: c.periodFrom,
          to: c.periodTo,
          count: c.activityCount,
          hours: labels.hours(c.totalMinutes),
        })}
      </div>
      {(c.pendingCount ?? 0) > 0 && (
        <div data-testid="certificate-pending">
          <Typography.Text type="warning">
            {r('pendingLeftOut', { hours: labels.hours(c.pendingMinutes ?? 0), count: c.pendingCount ?? 0 })}
          </Typography.Text>
        </div>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('certificateSigners', {
          responsible: c.responsibleName,
          handler: c.handlerName,
          issuedAt: when(c.issuedAt),
        })}
      </Typography.Text>
      <Space wrap style={{ display: 'flex', marginTop: 8 }}>
        <a href={`/api/volunteer/certificates/${c.id}/pdf`} download>
          <Button type="primary" icon={<DownloadOutlined />}>
            {t('downloadPdf')}
          </Button>
        </a>
        <Link to={`/verify/${encodeURIComponent(c.serial)}`}>
          <Button>{t('verify')}</Button>
        </Link>
      </Space>
    </Card>
  );
}
