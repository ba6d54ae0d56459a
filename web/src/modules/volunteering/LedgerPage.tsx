import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, InputNumber, List, message, Popconfirm, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, post } from '../../api';
import { useMessages } from '../../i18n';
import { useSession } from '../../session';
import { hasPermission } from '../types';
import { EnterHoursDialog } from './EnterHoursDialog';
import { useVolLabels } from './labels';
import { volAdminMessages } from './messages-admin';
import { reviewMessages } from './messages-review';
import { type LedgerEntry, showError, when } from './vol-api';

/**
 * /volunteer/ledger — the hours ledger of my units: entries, fraud flags with reasons and where each stands in
 * review (复核中 / 已认定, with the decision), manual entry, reversal and correction.
 */
export default function LedgerPage() {
  const t = useMessages(volAdminMessages);
  const labels = useVolLabels();
  const qc = useQueryClient();
  const [view, setView] = useState('flags');
  const [minutes, setMinutes] = useState<number | null>(null);
  const [entering, setEntering] = useState(false);
  const r = useMessages(reviewMessages);
  const { me } = useSession();
  const entries = useQuery({
    queryKey: ['vol-ledger', view],
    queryFn: () =>
      get<{ items: LedgerEntry[] }>(view === 'flags' ? '/api/volunteer/ledger/flags' : '/api/volunteer/ledger'),
  });
  const done = () => qc.invalidateQueries({ queryKey: ['vol-ledger'] });
  // The reasons are part of the (Chinese) ledger record, not UI text, so they stay as they are in every locale.
  const reverse = useMutation({
    mutationFn: (id: number) => post(`/api/volunteer/ledger/${id}/reverse`, { reason: '经核查冲销' }),
    onSuccess: () => {
      message.success(t('reversed'));
      done();
    },
    onError: showError,
  });
  const correct = useMutation({
    mutationFn: (id: number) => post(`/api/volunteer/ledger/${id}/correct`, { minutes, reason: '经核查更正' }),
    onSuccess: () => {
      message.success(t('corrected'));
      done();
    },
    onError: showError,
  });
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <h1 className="pioneer-page-title">{t('ledger')}</h1>
      <Typography.Paragraph type="secondary">{t('ledgerIntro')}</Typography.Paragraph>
      {hasPermission(me, 'volunteer.manage') && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setEntering(true)} data-testid="enter-hours">
          {r('enterHours')}
        </Button>
      )}
      {entering && <EnterHoursDialog onClose={() => setEntering(false)} />}
      <Segmented
        block
        value={view}
        onChange={(v) => setView(String(v))}
        options={[
          { value: 'flags', label: t('flagged') },
          { value: 'all', label: t('allEntries') },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Card size="small">
        <List
          dataSource={entries.data?.items ?? []}
          locale={{ emptyText: t('noEntries') }}
          renderItem={(e) => (
            <List.Item
              actions={
                e.abilities?.reverse
                  ? [
                      <Popconfirm key="r" title={t('reverseConfirm')} onConfirm={() => reverse.mutate(e.id)}>
                        <Button size="small" type="link" danger>
                          {t('reverse')}
                        </Button>
                      </Popconfirm>,
                      <Popconfirm
                        key="c"
                        title={
                          <InputNumber min={1} max={1440} placeholder={t('correctMinutes')} onChange={setMinutes} />
                        }
                        onConfirm={() => correct.mutate(e.id)}
                      >
                        <Button size="small" type="link">
                          {t('correct')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <span>{e.personName}</span>
                    <Tag color={e.kind === 'credit' ? 'green' : 'red'}>{labels.hours(e.minutes)}</Tag>
                    {e.reversedBy && <Tag>{t('reversed')}</Tag>}
                    {e.reviewState === 'pending' && <Tag color="orange">{r('pending')}</Tag>}
                    {e.decision === 'accepted' && <Tag color="green">{r('accepted')}</Tag>}
                    {e.flags?.map((f) => (
                      <Tag key={f.code} color="orange" title={f.reason}>
                        {f.reason}
                      </Tag>
                    ))}
                  </Space>
                }
                description={
                  <>
                    {`${e.activityTitle ?? e.description} · ${labels.category(e.category)} · ${when(e.serviceStart)} · ${labels.basis(e.basis)} · ${t('recordedBy', { name: e.recordedByName, time: when(e.recordedAt) })}`}
                    {e.decision && (
                      <div>
                        {r('decisionLine', {
                          name: e.decidedByName ?? '',
                          time: when(e.decidedAt),
                          decision: e.decision === 'accepted' ? r('stateAccepted') : r('stateReversed'),
                          reason: e.decisionReason ?? '',
                        })}
                      </div>
                    )}
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
