import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Rate, Spin } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { get, post } from '../../api';
import { hours, showError } from './vol-api';

interface ClaimView {
  status: string;
  personName: string;
  volunteerNo: string | null;
  communityName: string;
  postTitle: string;
  servedOn: string | null;
  minutes: number | null;
  note: string | null;
  confirmedByName: string | null;
}

/** /volunteer/confirm/:id?sig= (public) — the community contact confirms a member's service, without an account. */
export default function ConfirmClaimPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const sig = params.get('sig') ?? '';
  const key = ['vol-claim-link', id, sig];
  const claim = useQuery({
    queryKey: key,
    queryFn: () => get<ClaimView>(`/api/public/dual-report/claims/${id}?sig=${sig}`),
    retry: false,
  });
  const confirm = useMutation({
    mutationFn: (v: { contactName: string; rating: number; feedback: string }) =>
      post<ClaimView>(`/api/public/dual-report/claims/${id}/confirm`, { ...v, sig }),
    onSuccess: () => claim.refetch(),
    onError: showError,
  });
  if (claim.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (claim.isError) return <Alert type="warning" showIcon message={claim.error.message} />;
  const c = claim.data;
  return (
    <div style={{ maxWidth: 520, margin: '0 auto' }}>
      <h1 className="pioneer-page-title">双报到服务确认</h1>
      <Card size="small">
        <Descriptions column={1} size="small">
          <Descriptions.Item label="社区">{c.communityName}</Descriptions.Item>
          <Descriptions.Item label="服务岗位">{c.postTitle}</Descriptions.Item>
          <Descriptions.Item label="党员">
            {c.personName}（{c.volunteerNo}）
          </Descriptions.Item>
          <Descriptions.Item label="服务日期">{c.servedOn}</Descriptions.Item>
          <Descriptions.Item label="服务时长">{c.minutes ? hours(c.minutes) : '—'}</Descriptions.Item>
          <Descriptions.Item label="服务情况">{c.note}</Descriptions.Item>
        </Descriptions>
        {c.status === 'confirmed' ? (
          <Alert type="success" showIcon message={`已由 ${c.confirmedByName} 确认，谢谢！`} />
        ) : (
          <Form layout="vertical" onFinish={(v) => confirm.mutate(v)} initialValues={{ rating: 5, feedback: '' }}>
            <Form.Item name="contactName" label="确认人姓名" rules={[{ required: true, message: '请填写您的姓名' }]}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="rating" label="满意度">
              <Rate />
            </Form.Item>
            <Form.Item name="feedback" label="意见（可不填）">
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={confirm.isPending}>
              确认服务属实
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}
