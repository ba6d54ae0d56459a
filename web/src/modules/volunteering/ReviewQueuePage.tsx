import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { get } from '../../api';
import { ExportButton } from '../../components/ExportButton';
import { useLocale, useMessages } from '../../i18n';
import { useVolLabels } from './labels';
import { reviewMessages } from './messages-review';
import { decideBatch, FLAG_CODES, FLAG_EN, FLAG_ZH, type FlaggedEntry, type ReviewQueue } from './review-api';
import { useUnitsFor } from './vol-admin';
import { showError, when } from './vol-api';

const STATE_COLOR: Record<string, string> = { pending: 'orange', accepted: 'green', reversed: 'red' };

/**
 * /volunteer/review — 疑点时长复核: flagged hours in my units' subtree with their evidence; accept (with a
 * reason) or reverse one or many; export exactly what the filters show.
 */
export default function ReviewQueuePage() {
  const t = useMessages(reviewMessages);
  const labels = useVolLabels();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const units = useUnitsFor('volunteer.view');
  const [state, setState] = useState('pending');
  const [flag, setFlag] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [unitId, setUnitId] = useState<number | undefined>();
  const [selected, setSelected] = useState<number[]>([]);
  const [deciding, setDeciding] = useState<{ ids: number[]; decision: 'accept' | 'reverse' } | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const query = {
    state,
    flag,
    overdue: overdue ? 'true' : undefined,
    unitId: unitId ? String(unitId) : undefined,
  };
  const search = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1]));
  const list = useQuery({
    queryKey: ['vol-review', search.toString()],
    queryFn: () => get<ReviewQueue>(`/api/volunteer/hours-review?${search}`),
  });
  const decide = useMutation({
    mutationFn: (v: { ids: number[]; decision: 'accept' | 'reverse'; reason: string }) =>
      decideBatch(v.ids, v.decision, v.reason),
    onSuccess: (r) => {
      if (r.done.length) message.success(t('decided', { done: r.done.length }));
      if (r.refused.length) {
        const reasons = [...new Set(r.refused.map((x) => x.message))].join('；');
        message.warning(t('refusedSome', { n: r.refused.length, reasons }));
      }
      setSelected([]);
      setDeciding(null);
      form.resetFields();
      qc.invalidateQueries({ queryKey: ['vol-review'] });
    },
    onError: showError,
  });
  const flagLabel = (code: string) => (locale === 'en' ? FLAG_EN[code] : FLAG_ZH[code]) ?? code;
  const stateLabel = (s: string) =>
    ({ pending: t('statePending'), accepted: t('stateAccepted'), reversed: t('stateReversed') })[s] ?? s;
  const items = list.data?.items ?? [];
  const open = (ids: number[], decision: 'accept' | 'reverse') => setDeciding({ ids, decision });

  const columns: ColumnsType<FlaggedEntry> = [
    {
      title: t('colPerson'),
      key: 'person',
      sorter: (a, b) => a.personName.localeCompare(b.personName, 'zh'),
      render: (_, e) => (
        <div>
          <div>{e.personName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.volunteerNo}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('colService'),
      key: 'service',
      render: (_, e) => (
        <div>
          <div>{e.activityTitle ?? e.description}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.unitName}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('colMinutes'),
      dataIndex: 'minutes',
      sorter: (a, b) => a.minutes - b.minutes,
      render: (m: number) => labels.hours(m),
      width: 110,
    },
    {
      title: t('colServiceAt'),
      dataIndex: 'serviceStart',
      sorter: (a, b) => Date.parse(a.serviceStart) - Date.parse(b.serviceStart),
      render: (v: string) => when(v),
      width: 130,
    },
    {
      title: t('colFlags'),
      key: 'flags',
      render: (_, e) => (
        <Space wrap size={4}>
          {e.flags.map((f) => (
            <Tag key={f.code} color="orange" title={f.reason}>
              {flagLabel(f.code)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('colRecorded'),
      key: 'recorded',
      sorter: (a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt),
      render: (_, e) => (
        <div>
          <div>{e.recordedByName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {when(e.recordedAt)}
          </Typography.Text>
        </div>
      ),
      width: 130,
    },
    {
      title: t('colFlaggedAt'),
      dataIndex: 'flaggedAt',
      defaultSortOrder: 'ascend',
      sorter: (a, b) => Date.parse(a.flaggedAt) - Date.parse(b.flaggedAt),
      render: (v: string, e) => (
        <Space direction="vertical" size={0} title={when(v)}>
          <span>{when(v).slice(0, 10)}</span>
          {e.overdue && (
            <Tag color="red" data-testid="overdue">
              {t('overdue')}
            </Tag>
          )}
        </Space>
      ),
      width: 110,
    },
    {
      title: t('colState'),
      dataIndex: 'state',
      render: (s: string) => <Tag color={STATE_COLOR[s]}>{stateLabel(s)}</Tag>,
      width: 90,
    },
    {
      title: t('colActions'),
      key: 'actions',
      fixed: 'right',
      width: 140,
      render: (_, e) =>
        e.abilities.accept ? (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => open([e.id], 'accept')} data-testid="accept-one">
              {t('accept')}
            </Button>
            <Button type="link" size="small" danger onClick={() => open([e.id], 'reverse')}>
              {t('reverse')}
            </Button>
          </Space>
        ) : null,
    },
  ];

  return (
    <div>
      <h1 className="pioneer-page-title">{t('reviewTitle')}</h1>
      <Typography.Paragraph type="secondary">
        {t('reviewIntro', { days: list.data?.overdueDays ?? 7 })}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('stateFilter')}
          value={state}
          onChange={setState}
          style={{ width: 120 }}
          options={[
            { value: 'pending', label: t('statePending') },
            { value: 'accepted', label: t('stateAccepted') },
            { value: 'reversed', label: t('stateReversed') },
            { value: 'all', label: t('stateAll') },
          ]}
        />
        <Select
          aria-label={t('flagFilter')}
          allowClear
          placeholder={t('allFlags')}
          value={flag}
          onChange={setFlag}
          style={{ width: 150 }}
          options={FLAG_CODES.map((c) => ({ value: c, label: flagLabel(c) }))}
        />
        <Select
          aria-label={t('unitFilter')}
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('allUnits')}
          value={unitId}
          onChange={setUnitId}
          style={{ width: 240 }}
          options={units.options}
        />
        <Space>
          <Switch checked={overdue} onChange={setOverdue} aria-label={t('overdueOnly')} />
          {t('overdueOnly')}
        </Space>
        <ExportButton url="/api/volunteer/hours-review.xlsx" query={query} />
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button
          type="primary"
          disabled={selected.length === 0}
          onClick={() => open(selected, 'accept')}
          data-testid="batch-accept"
        >
          {t('batchAccept', { n: selected.length })}
        </Button>
        <Button danger disabled={selected.length === 0} onClick={() => open(selected, 'reverse')}>
          {t('batchReverse', { n: selected.length })}
        </Button>
      </Space>
      <Table<FlaggedEntry>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={items}
        columns={columns}
        scroll={{ x: 1100 }}
        pagination={{ pageSize: 20, showSizeChanger: true }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(Number)),
          getCheckboxProps: (e) => ({ disabled: !e.abilities.accept }),
        }}
        expandable={{ expandedRowRender: (e) => <Evidence e={e} /> }}
        data-testid="review-table"
      />
      <Modal
        open={deciding !== null}
        title={deciding?.decision === 'reverse' ? t('reasonTitleReverse') : t('reasonTitleAccept')}
        okText={t('confirm')}
        cancelText={t('cancel')}
        okButtonProps={{ danger: deciding?.decision === 'reverse', loading: decide.isPending }}
        onCancel={() => setDeciding(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => deciding && decide.mutate({ ...deciding, reason: v.reason })}
        >
          <Form.Item
            name="reason"
            label={t('reasonLabel')}
            rules={[{ required: true, whitespace: true, message: t('reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} placeholder={t('reasonPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

/** The entry's evidence: the activity and the person's check-ins on it, who recorded it and when, the decision. */
function Evidence({ e }: { e: FlaggedEntry }) {
  const t = useMessages(reviewMessages);
  const labels = useVolLabels();
  const checkin = (v: string | null) => (v ? when(v) : '—');
  return (
    <div style={{ fontSize: 13 }} data-testid="evidence">
      <div>
        {e.activityTitle
          ? t('evidenceActivity', {
              title: e.activityTitle,
              range: labels.timeRange(e.activityStart ?? e.serviceStart, e.activityEnd ?? e.serviceEnd),
            })
          : t('evidenceNoActivity', { source: labels.ledgerSource(e.source), description: e.description })}
      </div>
      <div>
        {labels.timeRange(e.serviceStart, e.serviceEnd)} · {labels.hours(e.minutes)} · {labels.basis(e.basis)}
      </div>
      {e.activityId !== null && (
        <div>
          {t('evidenceCheckins')}：
          {e.checkins.length === 0
            ? t('evidenceNoCheckins')
            : e.checkins.map((c) => (
                <div key={`${c.post}-${c.shiftStart}`}>
                  {t('checkinLine', {
                    post: c.post,
                    in: checkin(c.checkedInAt),
                    out: checkin(c.checkedOutAt),
                    kind: labels.statusText(c.attendance) ?? c.attendance,
                  })}
                </div>
              ))}
        </div>
      )}
      <div>{t('recordedLine', { name: e.recordedByName, time: when(e.recordedAt) })}</div>
      {e.flags.map((f) => (
        <div key={f.code}>· {f.reason}</div>
      ))}
      {e.decision && (
        <div>
          {t('decisionLine', {
            name: e.decidedByName ?? '',
            time: when(e.decidedAt),
            decision: e.decision === 'accepted' ? t('stateAccepted') : t('stateReversed'),
            reason: e.decisionReason ?? '',
          })}
        </div>
      )}
      {e.state === 'pending' && !e.abilities.accept && (
        <Typography.Text type="secondary">{t('notYours')}</Typography.Text>
      )}
    </div>
  );
}
