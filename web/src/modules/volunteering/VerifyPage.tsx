import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Input, Space, Spin } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, get } from '../../api';
import { hours, when } from './vol-api';

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
}

/** /verify and /verify/:serial (public) — anyone checks a 志愿服务证明 by its serial number. */
export default function VerifyPage() {
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
      <h1 className="pioneer-page-title">志愿服务证明核验</h1>
      <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
        <Input
          aria-label="证明编号"
          placeholder="输入证明编号，如 JNSD-VC-2026-……"
          value={input}
          onChange={(e) => setInput(e.target.value)}
        />
        <Button type="primary" onClick={() => navigate(`/verify/${encodeURIComponent(input.trim())}`)}>
          核验
        </Button>
      </Space.Compact>
      {result.isFetching && <Spin style={{ display: 'block', margin: 24 }} />}
      {result.isError && (
        <Alert
          type="error"
          showIcon
          icon={<CloseCircleFilled />}
          data-testid="verify-result"
          message={result.error instanceof ApiError && result.error.status === 404 ? '查无此证明' : '核验失败'}
          description={result.error.message}
        />
      )}
      {c && (
        <Card data-testid="verify-result">
          <Alert
            type={c.valid ? 'success' : 'warning'}
            showIcon
            icon={c.valid ? <CheckCircleFilled /> : <CloseCircleFilled />}
            message={c.valid ? '证明真实有效' : `证明已于 ${when(c.revokedAt)} 撤销：${c.revokeReason ?? ''}`}
            style={{ marginBottom: 12 }}
          />
          <Descriptions column={1} size="small">
            <Descriptions.Item label="证明编号">{c.serial}</Descriptions.Item>
            <Descriptions.Item label="志愿者">{c.volunteerName}</Descriptions.Item>
            <Descriptions.Item label="志愿者编号">{c.volunteerNo}</Descriptions.Item>
            <Descriptions.Item label="服务期间">
              {c.periodFrom} 至 {c.periodTo}
            </Descriptions.Item>
            <Descriptions.Item label="服务时长">
              {hours(c.totalMinutes)}（{c.activityCount} 项）
            </Descriptions.Item>
            <Descriptions.Item label="出具单位">{c.unitName}</Descriptions.Item>
            <Descriptions.Item label="负责人 / 经办人">
              {c.responsibleName} / {c.handlerName}
            </Descriptions.Item>
            <Descriptions.Item label="出具时间">{when(c.issuedAt)}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </div>
  );
}
