import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, InputNumber, List, message, Popconfirm, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, post } from '../../api';
import { BASIS_LABELS } from './labels';
import { categoryLabel, hours, type LedgerEntry, showError, when } from './vol-api';

/** /volunteer/ledger — the hours ledger of my units: entries, fraud flags with reasons, reversal and correction. */
export default function LedgerPage() {
  const qc = useQueryClient();
  const [view, setView] = useState('flags');
  const [minutes, setMinutes] = useState<number | null>(null);
  const entries = useQuery({
    queryKey: ['vol-ledger', view],
    queryFn: () =>
      get<{ items: LedgerEntry[] }>(view === 'flags' ? '/api/volunteer/ledger/flags' : '/api/volunteer/ledger'),
  });
  const done = () => qc.invalidateQueries({ queryKey: ['vol-ledger'] });
  const reverse = useMutation({
    mutationFn: (id: number) => post(`/api/volunteer/ledger/${id}/reverse`, { reason: '经核查冲销' }),
    onSuccess: () => {
      message.success('已冲销');
      done();
    },
    onError: showError,
  });
  const correct = useMutation({
    mutationFn: (id: number) => post(`/api/volunteer/ledger/${id}/correct`, { minutes, reason: '经核查更正' }),
    onSuccess: () => {
      message.success('已更正');
      done();
    },
    onError: showError,
  });
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <h1 className="pioneer-page-title">时长台账</h1>
      <Typography.Paragraph type="secondary">
        台账只追加不修改：更正＝冲销原记录＋记入新记录。疑点只提示复核，不自动否定记录。
      </Typography.Paragraph>
      <Segmented
        block
        value={view}
        onChange={(v) => setView(String(v))}
        options={[
          { value: 'flags', label: '疑点记录' },
          { value: 'all', label: '全部记录' },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Card size="small">
        <List
          dataSource={entries.data?.items ?? []}
          locale={{ emptyText: '没有记录' }}
          renderItem={(e) => (
            <List.Item
              actions={
                e.abilities?.reverse
                  ? [
                      <Popconfirm key="r" title="冲销这条记录？" onConfirm={() => reverse.mutate(e.id)}>
                        <Button size="small" type="link" danger>
                          冲销
                        </Button>
                      </Popconfirm>,
                      <Popconfirm
                        key="c"
                        title={<InputNumber min={1} max={1440} placeholder="正确的分钟数" onChange={setMinutes} />}
                        onConfirm={() => correct.mutate(e.id)}
                      >
                        <Button size="small" type="link">
                          更正
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
                    <Tag color={e.kind === 'credit' ? 'green' : 'red'}>{hours(e.minutes)}</Tag>
                    {e.reversedBy && <Tag>已冲销</Tag>}
                    {e.flags?.map((f) => (
                      <Tag key={f.code} color="orange" title={f.reason}>
                        {f.reason}
                      </Tag>
                    ))}
                  </Space>
                }
                description={`${e.activityTitle ?? e.description} · ${categoryLabel(e.category)} · ${when(e.serviceStart)} · ${BASIS_LABELS[e.basis]} · 录入 ${e.recordedByName} ${when(e.recordedAt)}`}
              />
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
