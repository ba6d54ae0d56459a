import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { get } from '../../api';
import { type Certificate, hours, when } from './vol-api';

/** /volunteer/certificates — my 志愿服务证明: download the PDF, check it on the public page. */
export default function CertificatesPage() {
  const mine = useQuery({
    queryKey: ['vol-my-certs'],
    queryFn: () => get<{ items: Certificate[] }>('/api/volunteer/my/certificates'),
  });
  return (
    <div style={{ maxWidth: 760, margin: '0 auto' }}>
      <h1 className="pioneer-page-title">我的志愿服务证明</h1>
      <Typography.Paragraph type="secondary">
        证明由记录服务时长的组织出具；任何人都可凭编号在核验页查验真伪。
      </Typography.Paragraph>
      {mine.data?.items.length === 0 && <Empty description="还没有出具的证明" />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {mine.data?.items.map((c) => (
          <CertificateCard key={c.id} c={c} />
        ))}
      </Space>
    </div>
  );
}

export function CertificateCard({ c }: { c: Certificate }) {
  return (
    <Card
      size="small"
      title={c.unitName}
      extra={c.revokedAt ? <Tag color="red">已撤销</Tag> : <Tag color="green">有效</Tag>}
      data-testid="certificate-card"
    >
      <div>
        编号：
        <Typography.Text copyable data-testid="certificate-serial">
          {c.serial}
        </Typography.Text>
      </div>
      <div>
        {c.personName}（{c.volunteerNo}）
      </div>
      <div>
        {c.periodFrom} 至 {c.periodTo}，共 {c.activityCount} 项，{hours(c.totalMinutes)}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        负责人 {c.responsibleName} · 经办人 {c.handlerName} · {when(c.issuedAt)}
      </Typography.Text>
      <Space wrap style={{ display: 'flex', marginTop: 8 }}>
        <a href={`/api/volunteer/certificates/${c.id}/pdf`} download>
          <Button type="primary" icon={<DownloadOutlined />}>
            下载 PDF
          </Button>
        </a>
        <Link to={`/verify/${encodeURIComponent(c.serial)}`}>
          <Button>核验</Button>
        </Link>
      </Space>
    </Card>
  );
}
