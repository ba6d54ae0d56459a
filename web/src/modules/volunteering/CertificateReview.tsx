import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, post } from '../../api';
import { useMessages } from '../../i18n';
import { useVolLabels } from './labels';
import { reviewMessages } from './messages-review';
import type { Flag } from './review-api';
import { type Certificate, showError } from './vol-api';

interface Preview {
  lines: { entryId: number; date: string; title: string; minutes: number }[];
  totalMinutes: number;
  pending: { entryId: number; date: string; title: string; minutes: number; flags: Flag[] }[];
  pendingMinutes: number;
}

/**
 * What a certificate would count before it is issued: the hours that count, and the flagged hours left out
 * while under review, with their reasons (GET /api/volunteer/certificates/preview).
 */
export function CertificatePreview(props: { personId?: number; unitId?: number; from?: string; to?: string }) {
  const t = useMessages(reviewMessages);
  const labels = useVolLabels();
  const { personId, unitId, from, to } = props;
  const ready = Boolean(personId && unitId && from && to && from <= to);
  const q = new URLSearchParams({
    personId: String(personId),
    unitId: String(unitId),
    from: from ?? '',
    to: to ?? '',
  });
  const preview = useQuery({
    queryKey: ['vol-cert-preview', q.toString()],
    queryFn: () => get<Preview>(`/api/volunteer/certificates/preview?${q}`),
    enabled: ready,
    retry: false,
  });
  const p = preview.data;
  if (!ready || !p) return null;
  return (
    <div style={{ marginBottom: 12 }} data-testid="certificate-preview">
      <Typography.Text strong>{t('previewTitle')}</Typography.Text>{' '}
      <span data-testid="preview-total">
        {t('previewLines', { count: p.lines.length, hours: labels.hours(p.totalMinutes) })}
      </span>
      {p.pending.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="preview-pending"
          message={t('previewPending', { count: p.pending.length, hours: labels.hours(p.pendingMinutes) })}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {p.pending.map((e) => (
                <li key={e.entryId}>
                  {e.date} {e.title} {labels.hours(e.minutes)}：{e.flags.map((f) => f.reason).join('；')}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </div>
  );
}

type Affected = Certificate & {
  staleEntries: { id: number; minutes: number; description: string; state: string }[];
};

/** Certificates whose hours were since reversed or put under review: the issuing unit revokes and reissues. */
export function AffectedCertificates() {
  const t = useMessages(reviewMessages);
  const labels = useVolLabels();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [acting, setActing] = useState<{ cert: Affected; action: 'reissue' | 'revoke' } | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const list = useQuery({
    queryKey: ['vol-cert-affected'],
    queryFn: () => get<{ items: Affected[] }>('/api/volunteer/certificates/affected'),
  });
  const act = useMutation({
    mutationFn: (v: { id: number; action: 'reissue' | 'revoke'; reason: string }) =>
      post<{ serial?: string }>(`/api/volunteer/certificates/${v.id}/${v.action}`, { reason: v.reason }),
    onSuccess: (r) => {
      message.success(r.serial ? t('reissued', { serial: r.serial }) : t('revokedDone'));
      setActing(null);
      form.resetFields();
      qc.invalidateQueries({ queryKey: ['vol-cert-affected'] });
      qc.invalidateQueries({ queryKey: ['vol-register'] });
    },
    onError: showError,
  });
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  const stateText = (s: string) => (s === 'pending' ? t('statePending') : t('stateReversed'));
  return (
    <Card size="small" title={t('affectedTitle')} style={{ marginBottom: 16 }} data-testid="affected-certificates">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('affectedIntro')}
      </Typography.Paragraph>
      <List
        dataSource={items}
        renderItem={(c) => (
          <List.Item
            actions={
              c.abilities.reissue
                ? [
                    <Button
                      key="re"
                      size="small"
                      type="primary"
                      onClick={() => setActing({ cert: c, action: 'reissue' })}
                    >
                      {t('reissue')}
                    </Button>,
                    <Button key="rv" size="small" danger onClick={() => setActing({ cert: c, action: 'revoke' })}>
                      {t('revoke')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <span>{c.serial}</span>
                  <span>{c.personName}</span>
                  <Tag>{labels.hours(c.totalMinutes)}</Tag>
                </Space>
              }
              description={c.staleEntries.map((e) => (
                <div key={e.id}>
                  {t('staleEntry', {
                    id: e.id,
                    description: e.description,
                    hours: labels.hours(e.minutes),
                    state: stateText(e.state),
                  })}
                </div>
              ))}
            />
          </List.Item>
        )}
      />
      <Modal
        open={acting !== null}
        title={acting?.action === 'reissue' ? t('reissue') : t('revoke')}
        okText={t('confirm')}
        cancelText={t('cancel')}
        okButtonProps={{ loading: act.isPending, danger: acting?.action === 'revoke' }}
        onCancel={() => setActing(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => acting && act.mutate({ id: acting.cert.id, action: acting.action, reason: v.reason })}
        >
          <Form.Item
            name="reason"
            label={acting?.action === 'reissue' ? t('reissueReason') : t('revokeReason')}
            rules={[{ required: true, whitespace: true, message: t('reasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
