import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, List, Radio, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { get, post } from '../../api';
import { useBilingual } from '../../components/useBilingual';

interface UnitHours {
  unitId: number;
  unitName: string;
  minutes: number;
}
interface Preview {
  parts: UnitHours[];
  totalMinutes: number;
  pendingMinutes: number;
}
interface Part {
  id: number;
  requestId: number;
  scope: 'per_unit' | 'school';
  from: string;
  to: string;
  unitName: string;
  minutes: number;
  status: 'pending' | 'issued' | 'declined';
  serial: string | null;
  declineReason: string | null;
  requestedAt: string;
}

const hoursOf = (minutes: number) => (minutes / 60).toFixed(1).replace(/\.0$/, '');
const STATUS = {
  pending: { color: 'processing', zh: '办理中', en: 'In progress' },
  issued: { color: 'success', zh: '已出具', en: 'Issued' },
  declined: { color: 'error', zh: '已退回', en: 'Declined' },
} as const;

/**
 * /volunteer/certificate-request — 申请证明: pick a period, see which units recorded my hours, and ask either
 * each of them for its part or the school for one certificate over all my hours that count.
 */
export function CertificateRequestPage() {
  const L = useBilingual();
  const h = (minutes: number) => L('{h} 小时', '{h} h', { h: hoursOf(minutes) });
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [scope, setScope] = useState<'per_unit' | 'school'>('per_unit');
  const [purpose, setPurpose] = useState('');
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const preview = useQuery({
    queryKey: ['cert-request-preview', from, to],
    queryFn: () => get<Preview>(`/api/volunteer/my/certificate-requests/preview?from=${from}&to=${to}`),
  });
  const mine = useQuery({
    queryKey: ['my-cert-requests'],
    queryFn: () => get<{ items: Part[] }>('/api/volunteer/my/certificate-requests'),
  });
  const submit = useMutation({
    mutationFn: () => post<{ parts: number }>('/api/volunteer/my/certificate-requests', { from, to, scope, purpose }),
    onSuccess: (r) => {
      message.success(
        scope === 'school'
          ? L('已提交，由学校统一出具', 'Sent: the school will issue one certificate')
          : L('已提交，{n} 个单位将分别出具', 'Sent: {n} units will each issue their part', { n: r.parts }),
      );
      setPurpose('');
      void queryClient.invalidateQueries({ queryKey: ['my-cert-requests'] });
    },
    onError: (e: Error) => message.error(e.message),
  });
  const p = preview.data;

  return (
    <>
      <h1 className="pioneer-page-title">{L('申请志愿服务证明', 'Request a volunteering certificate')}</h1>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={L('证明由记录时长的单位出具', 'Certificates come from the units that recorded the hours')}
        description={L(
          '您的时长可能由几个单位分别记录（如本支部、学院、校级活动）。「我的证明」里的每份证明只含出具单位记录的时长。申请时可选：各单位分别出具——每个记录了您时长的单位各出一份，写明各自的部分；或学校统一出具——校党委就您全部计入的时长出一份。正在复核的时长暂不计入。',
          'Your hours may be recorded by several units (your branch, the college, school-wide activities). Each certificate under “My certificates” holds only the hours its issuing unit recorded. Ask either each unit for its own part, or the school for one certificate over all your hours that count. Hours under review are left out.',
        )}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form layout="vertical" component="div">
          <Form.Item label={L('服务期间', 'Service period')} style={{ marginBottom: 12 }}>
            <DatePicker.RangePicker
              value={range}
              allowClear={false}
              style={{ width: '100%' }}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            />
          </Form.Item>
          {preview.isError && <Alert type="error" showIcon title={preview.error.message} />}
          {p && (
            <div data-testid="cert-request-preview" style={{ marginBottom: 12 }}>
              {p.parts.length === 0 ? (
                <Typography.Text type="secondary">
                  {L('该期间没有可计入证明的时长。', 'No hours that count in this period.')}
                </Typography.Text>
              ) : (
                <List
                  size="small"
                  dataSource={p.parts}
                  header={
                    <Typography.Text strong>
                      {L('共 {t}，由以下单位记录：', '{t} in all, recorded by:', { t: h(p.totalMinutes) })}
                    </Typography.Text>
                  }
                  renderItem={(u) => (
                    <List.Item style={{ paddingInline: 0, display: 'flex', justifyContent: 'space-between', gap: 12 }}>
                      <span>{u.unitName}</span>
                      <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                        {h(u.minutes)}
                      </Typography.Text>
                    </List.Item>
                  )}
                />
              )}
              {p.pendingMinutes > 0 && (
                <Typography.Text type="warning" style={{ fontSize: 13 }}>
                  {L('另有 {t} 正在复核，复核通过后才能计入。', '{t} more are under review and count once accepted.', {
                    t: h(p.pendingMinutes),
                  })}
                </Typography.Text>
              )}
            </div>
          )}
          <Form.Item label={L('出具方式', 'Issued by')} style={{ marginBottom: 12 }}>
            <Radio.Group value={scope} onChange={(e) => setScope(e.target.value)}>
              <Space orientation="vertical">
                <Radio value="per_unit">
                  {L('各单位分别出具（{n} 份）', 'Each unit for its part ({n})', { n: p?.parts.length ?? 0 })}
                </Radio>
                <Radio value="school">
                  {L('学校统一出具（1 份，含全部计入的时长）', 'The school, one certificate over all hours that count')}
                </Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
          <Form.Item label={L('用途（选填）', 'Purpose (optional)')} style={{ marginBottom: 12 }}>
            <Input
              value={purpose}
              maxLength={200}
              onChange={(e) => setPurpose(e.target.value)}
              placeholder={L('如：评奖评优、升学材料', 'e.g. an award application')}
            />
          </Form.Item>
          <Button
            type="primary"
            block
            disabled={!p || p.totalMinutes === 0}
            loading={submit.isPending}
            onClick={() => submit.mutate()}
            data-testid="cert-request-submit"
          >
            {L('提交申请', 'Send request')}
          </Button>
        </Form>
      </Card>
      <Typography.Title level={5}>{L('我的申请', 'My requests')}</Typography.Title>
      {(mine.data?.items.length ?? 0) === 0 ? (
        <Empty description={L('还没有申请', 'No requests yet')} />
      ) : (
        <List
          dataSource={mine.data?.items}
          data-testid="cert-request-list"
          renderItem={(part) => (
            <List.Item style={{ padding: '4px 0', border: 'none' }}>
              <Card size="small" style={{ width: '100%' }}>
                <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                  <Space wrap size={6}>
                    <Typography.Text strong>{part.unitName}</Typography.Text>
                    <Tag color={STATUS[part.status].color}>{L(STATUS[part.status].zh, STATUS[part.status].en)}</Tag>
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {L('{from} 至 {to}', '{from} to {to}', { from: part.from, to: part.to })} · {h(part.minutes)} ·{' '}
                    {part.scope === 'school' ? L('学校统一出具', 'by the school') : L('本单位出具', 'by this unit')}
                  </Typography.Text>
                  {part.serial && (
                    <Link to={`/verify/${part.serial}`} style={{ fontSize: 13 }}>
                      {L('证明编号 {s}', 'Certificate {s}', { s: part.serial })}
                    </Link>
                  )}
                  {part.declineReason && (
                    <Typography.Text type="danger" style={{ fontSize: 13 }}>
                      {L('退回原因：{r}', 'Declined: {r}', { r: part.declineReason })}
                    </Typography.Text>
                  )}
                </Space>
              </Card>
            </List.Item>
          )}
        />
      )}
    </>
  );
}
