import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Input, Modal, Popconfirm, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { get, post, put } from '../../api';
import { ExportButton } from '../../components/ExportButton';
import { defineMessages, useLocale, useMessages } from '../../i18n';
import type { MeasureInfo } from '../measures/measures-api';
import type { IndicatorGroup, SystemDetail, SystemSummary, UnitClass } from './assessment-api';
import { IndicatorTreeEditor } from './IndicatorTreeEditor';

const CLASSES: { value: UnitClass; zh: string; en: string }[] = [
  { value: 'general_branch', zh: '党总支', en: 'General branches' },
  { value: 'staff_branch', zh: '教工党支部', en: 'Staff branches' },
  { value: 'student_branch', zh: '学生党支部', en: 'Student branches' },
  { value: 'direct_branch', zh: '直属党支部', en: 'Direct branches' },
];

const messages = defineMessages(
  {
    title: '考核指标体系',
    hint: '党委组织部会同有关部门按年度、分类别制定考核指标体系：一级指标默认为“六有”，同级权重之和须为 100。数据计算类指标从指标库取数，评审打分类指标由考核人依据佐证打分。年度考核启动后体系冻结，如需修改须另建新版本并说明理由。',
    year: '年度',
    version: '版本 {v}',
    frozen: '已冻结',
    draft: '可修改',
    none: '该年度此类组织尚未制定指标体系',
    create: '新建（复制上年，无上年则用“六有”默认体系）',
    save: '保存',
    saved: '已保存',
    freeze: '冻结',
    freezeConfirm: '冻结后本体系不可再修改（年度考核据此评分），确定冻结？',
    frozenDone: '已冻结',
    newVersion: '另建新版本',
    reason: '修改理由',
    versionDone: '已建第 {v} 版',
    export: '导出 Excel',
    reasonOf: '修订理由：{reason}',
    readOnly: '您可以查看本体系；只有党委组织部可以修改。',
  },
  {
    title: 'Indicator system',
    hint: 'The organization department sets the indicator system per year and class of unit: the first level defaults to the “six haves”, and sibling weights must total 100. Computed items read the measures registry; assessed items are scored by assessors from evidence. Once the year’s assessment opens the system is frozen; changes then need a new version with a reason.',
    year: 'Year',
    version: 'Version {v}',
    frozen: 'Frozen',
    draft: 'Editable',
    none: 'No indicator system for this year and class yet',
    create: 'Create (copy last year’s, or the default “six haves”)',
    save: 'Save',
    saved: 'Saved',
    freeze: 'Freeze',
    freezeConfirm: 'Once frozen this system cannot change (the year is scored by it). Freeze?',
    frozenDone: 'Frozen',
    newVersion: 'New version',
    reason: 'Reason for the change',
    versionDone: 'Version {v} created',
    export: 'Export Excel',
    reasonOf: 'Reason: {reason}',
    readOnly: 'You can read this system; only the organization department can change it.',
  },
);

const thisYear = new Date().getFullYear();

/** /assessment/indicators: the year's indicator tree for a class of unit, edited with a live weight check. */
export function IndicatorsPage() {
  const t = useMessages(messages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear;
  const unitClass = (params.get('class') as UnitClass) || 'staff_branch';
  const [versionId, setVersionId] = useState<number | null>(null);
  const [draft, setDraft] = useState<IndicatorGroup[] | null>(null);
  const [reason, setReason] = useState<string | null>(null);

  const list = useQuery({
    queryKey: ['assessment-systems', year, unitClass],
    queryFn: () => get<{ items: SystemSummary[] }>(`/api/assessment/systems?year=${year}&unitClass=${unitClass}`),
  });
  const versions = list.data?.items ?? [];
  const chosen = versions.find((v) => v.id === versionId) ?? versions[0];
  const detail = useQuery({
    queryKey: ['assessment-system', chosen?.id],
    queryFn: () => get<SystemDetail>(`/api/assessment/systems/${chosen!.id}`),
    enabled: Boolean(chosen),
  });
  const measures = useQuery({ queryKey: ['measures'], queryFn: () => get<{ items: MeasureInfo[] }>('/api/measures') });
  const units = useQuery({
    queryKey: ['units-root'],
    queryFn: () => get<{ items: { id: number; parentId: number | null }[] }>('/api/units'),
  });
  useEffect(() => setDraft(detail.data?.groups ?? null), [detail.data]);

  const refresh = () =>
    client
      .invalidateQueries({ queryKey: ['assessment-systems'] })
      .then(() => client.invalidateQueries({ queryKey: ['assessment-system'] }));
  // Not returning the toast's promise: the mutation would stay busy until the toast closes.
  const onError = (e: Error) => {
    message.error(e.message);
  };
  const create = useMutation({
    mutationFn: () => {
      const root = units.data?.items.find((u) => u.parentId === null) ?? units.data?.items[0];
      return post('/api/assessment/systems', { ownerUnitId: root?.id, year, unitClass });
    },
    onSuccess: refresh,
    onError,
  });
  const save = useMutation({
    mutationFn: () => put(`/api/assessment/systems/${chosen!.id}/indicators`, { groups: draft }),
    onSuccess: () => {
      message.success(t('saved'));
      return refresh();
    },
    onError,
  });
  const freeze = useMutation({
    mutationFn: () => post(`/api/assessment/systems/${chosen!.id}/freeze`),
    onSuccess: () => {
      message.success(t('frozenDone'));
      return refresh();
    },
    onError,
  });
  const version = useMutation({
    mutationFn: (why: string) =>
      post<{ id: number }>(`/api/assessment/systems/${chosen!.id}/versions`, { reason: why }),
    onSuccess: (r) => {
      setReason(null);
      setVersionId(r.id);
      refresh();
    },
    onError,
  });

  const d = detail.data;
  const editable = Boolean(d?.abilities.manage);
  return (
    <>
      <h1 className="pioneer-page-title">{t('title')}</h1>
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('year')}</span>
        <Select
          aria-label={t('year')}
          value={year}
          style={{ width: 100 }}
          onChange={(y) => setParams({ year: String(y), class: unitClass })}
          options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: String(y) }))}
        />
        <Segmented
          value={unitClass}
          onChange={(c) => {
            setVersionId(null);
            setParams({ year: String(year), class: String(c) });
          }}
          options={CLASSES.map((c) => ({ value: c.value, label: c[locale] }))}
        />
      </Space>
      {list.isSuccess && versions.length === 0 && (
        <Empty description={t('none')}>
          <Button type="primary" loading={create.isPending} onClick={() => create.mutate()} data-testid="create-system">
            {t('create')}
          </Button>
        </Empty>
      )}
      {d && draft && (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            {versions.length > 1 ? (
              <Select
                value={d.id}
                style={{ width: 120 }}
                onChange={setVersionId}
                options={versions.map((v) => ({ value: v.id, label: t('version', { v: v.version }) }))}
              />
            ) : (
              <Tag>{t('version', { v: d.version })}</Tag>
            )}
            <Tag color={d.frozenAt ? 'blue' : 'gold'}>{d.frozenAt ? t('frozen') : t('draft')}</Tag>
            {editable && (
              <Button type="primary" loading={save.isPending} onClick={() => save.mutate()} data-testid="save-system">
                {t('save')}
              </Button>
            )}
            {editable && (
              <Popconfirm title={t('freezeConfirm')} onConfirm={() => freeze.mutate()}>
                <Button>{t('freeze')}</Button>
              </Popconfirm>
            )}
            {d.abilities.newVersion && versions[0]?.id === d.id && (
              <Button onClick={() => setReason('')}>{t('newVersion')}</Button>
            )}
            <ExportButton url={`/api/assessment/systems/${d.id}/indicators.xlsx`} label={t('export')} />
          </Space>
          {d.reason && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('reasonOf', { reason: d.reason })} />
          )}
          {!editable && !d.frozenAt && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('readOnly')} />
          )}
          <IndicatorTreeEditor
            groups={draft}
            onChange={setDraft}
            measures={measures.data?.items ?? []}
            readOnly={!editable}
          />
        </>
      )}
      <Modal
        open={reason !== null}
        title={t('newVersion')}
        okButtonProps={{ disabled: !reason || reason.trim().length < 2, loading: version.isPending }}
        onOk={() => reason && version.mutate(reason)}
        onCancel={() => setReason(null)}
      >
        <Input.TextArea
          aria-label={t('reason')}
          placeholder={t('reason')}
          value={reason ?? ''}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}
