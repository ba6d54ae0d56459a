import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { get, post, put } from '../../api';
import { DateInput } from '../../DateInputs';
import { showServerErrors } from '../../forms';
import { useMessages } from '../../i18n';
import { type RuleOfYear, thisYear, yearOptions, yuan } from './funding-api';
import { fundingMessages } from './messages';

interface RuleForm {
  staffRate: number;
  studentRate: number;
  specialFund: number;
  threshold: number;
  referenceDate: string;
  note: string;
}

/** /funding/rules: the year's standard (a setting of the organization department), frozen once confirmed. */
export function RulesPage() {
  const t = useMessages(fundingMessages);
  const { message } = App.useApp();
  const client = useQueryClient();
  const [year, setYear] = useState(thisYear());
  const [form] = Form.useForm<RuleForm>();
  const [error, setError] = useState<string | null>(null);
  const data = useQuery({
    queryKey: ['funding-rule', year],
    queryFn: () => get<RuleOfYear>(`/api/funding/rules/${year}`),
  });
  const rule = data.data?.rule ?? data.data?.proposal ?? null;
  const confirmed = Boolean(data.data?.rule?.confirmedAt);
  const editable = Boolean(data.data?.abilities.save);

  useEffect(() => {
    if (!rule) return;
    form.setFieldsValue({
      staffRate: rule.staffRateFen / 100,
      studentRate: rule.studentRateFen / 100,
      specialFund: rule.specialFundFen / 100,
      threshold: rule.approvalThresholdFen / 100,
      referenceDate: rule.referenceDate,
      note: rule.note,
    });
  }, [rule, form]);

  const refresh = () => client.invalidateQueries({ predicate: (x) => String(x.queryKey[0]).startsWith('funding') });
  const save = useMutation({
    mutationFn: (v: RuleForm) =>
      put(`/api/funding/rules/${year}`, {
        staffRateFen: Math.round(v.staffRate * 100),
        studentRateFen: Math.round(v.studentRate * 100),
        specialFundFen: Math.round(v.specialFund * 100),
        approvalThresholdFen: Math.round(v.threshold * 100),
        referenceDate: v.referenceDate,
        note: v.note ?? '',
      }),
    onSuccess: async () => {
      message.success(t('saved'));
      await refresh();
    },
    onError: (e) => setError(showServerErrors(form, e, ['referenceDate', 'note'])),
  });
  const confirm = useMutation({
    mutationFn: () => post(`/api/funding/rules/${year}/confirm`),
    onSuccess: async () => {
      message.success(t('confirmed'));
      await refresh();
    },
    onError: (e) => setError((e as Error).message),
  });

  const yuanField = (name: keyof RuleForm, label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true }]}>
      <InputNumber min={0} precision={2} style={{ width: '100%' }} disabled={!editable} />
    </Form.Item>
  );

  return (
    <>
      <h1 className="pioneer-page-title">{t('rulesTitle')}</h1>
      <Typography.Paragraph type="secondary">{t('rulesHint')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <span>{t('year')}</span>
          <Select
            aria-label={t('year')}
            value={year}
            options={yearOptions()}
            onChange={setYear}
            style={{ width: 100 }}
          />
          {data.data &&
            (confirmed ? (
              <Tag color="green">{t('confirmed')}</Tag>
            ) : data.data.rule ? (
              <Tag color="gold">{t('draft')}</Tag>
            ) : (
              <Typography.Text type="secondary">{t('proposal')}</Typography.Text>
            ))}
          {confirmed && data.data?.rule?.confirmedAt && (
            <Typography.Text type="secondary">
              {t('confirmedBy', {
                name: data.data.rule.confirmedByName ?? '',
                at: dayjs(data.data.rule.confirmedAt).format('YYYY-MM-DD HH:mm'),
              })}
            </Typography.Text>
          )}
        </Space>
      </Card>
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form<RuleForm>
          form={form}
          layout="vertical"
          onFinish={(v) => {
            setError(null);
            save.mutate(v);
          }}
          style={{ maxWidth: 560 }}
        >
          {yuanField('staffRate', t('staffRate'))}
          {yuanField('studentRate', t('studentRate'))}
          {yuanField('specialFund', t('specialFund'))}
          {yuanField('threshold', t('threshold'))}
          <Form.Item name="referenceDate" label={t('referenceDate')} rules={[{ required: true }]}>
            <DateInput style={{ width: '100%' }} disabled={!editable} />
          </Form.Item>
          <Form.Item name="note" label={t('note')}>
            <Input.TextArea maxLength={500} rows={2} disabled={!editable} />
          </Form.Item>
          <Space wrap>
            {editable && (
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('save')}
              </Button>
            )}
            {data.data?.abilities.confirm && (
              <Popconfirm
                title={t('confirmAsk')}
                okText={t('confirm')}
                cancelText={t('cancel')}
                onConfirm={() => confirm.mutate()}
              >
                <Button danger loading={confirm.isPending}>
                  {t('confirm')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        </Form>
      </Card>
      <Card size="small" title={`${t('countsTitle')} ${confirmed ? t('countsFrozen') : t('countsLive')}`}>
        <Table
          size="small"
          rowKey="unitId"
          scroll={{ x: 'max-content' }}
          dataSource={data.data?.counts}
          loading={data.isFetching}
          pagination={{ defaultPageSize: 20 }}
          columns={[
            {
              title: t('unit'),
              dataIndex: 'name',
              render: (name: string, c) => (
                <span style={{ paddingLeft: (c.depth - (data.data?.counts[0]?.depth ?? 0)) * 16 }}>{name}</span>
              ),
            },
            { title: t('staff'), dataIndex: 'staff', align: 'right' },
            { title: t('student'), dataIndex: 'student', align: 'right' },
            { title: t('minimum'), dataIndex: 'minimumFen', align: 'right', render: yuan },
          ]}
        />
      </Card>
    </>
  );
}
