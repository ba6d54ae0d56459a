import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Rate, Spin } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { get, post } from '../../api';
import { defineMessages, useMessages } from '../../i18n';
import { useVolLabels } from './labels';
import { volMessages } from './messages';
import { showError } from './vol-api';

const local = defineMessages({ rateRequired: '请点选 1–5 颗星' }, { rateRequired: 'Choose 1 to 5 stars' });

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
  const t = useMessages(volMessages);
  const r = useMessages(local);
  const labels = useVolLabels();
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
      <h1 className="pioneer-page-title">{t('confirmTitle')}</h1>
      <Card size="small">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('community')}>{c.communityName}</Descriptions.Item>
          <Descriptions.Item label={t('post')}>{c.postTitle}</Descriptions.Item>
          <Descriptions.Item label={t('member')}>
            {t('personWithNo', { name: c.personName, no: c.volunteerNo ?? '' })}
          </Descriptions.Item>
          <Descriptions.Item label={t('servedOn')}>{c.servedOn}</Descriptions.Item>
          <Descriptions.Item label={t('serviceHours')}>{c.minutes ? labels.hours(c.minutes) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('serviceNote')}>{c.note}</Descriptions.Item>
        </Descriptions>
        {c.status === 'confirmed' ? (
          <Alert type="success" showIcon message={t('claimConfirmed', { name: c.confirmedByName ?? '' })} />
        ) : (
          <Form layout="vertical" onFinish={(v) => confirm.mutate(v)} initialValues={{ feedback: '' }}>
            <Form.Item
              name="contactName"
              label={t('contactName')}
              rules={[{ required: true, message: t('contactNameRequired') }]}
            >
              <Input maxLength={50} />
            </Form.Item>
            {/* No preset stars: the community contact says how satisfied they were. */}
            <Form.Item name="rating" label={t('satisfaction')} rules={[{ required: true, message: r('rateRequired') }]}>
              <Rate />
            </Form.Item>
            <Form.Item name="feedback" label={t('feedback')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={confirm.isPending}>
              {t('confirmService')}
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}
