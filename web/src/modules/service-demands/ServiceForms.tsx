import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Flex, Form, Input, InputNumber, List, Select, Spin, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError, get, post } from '../../api';
import { defineMessages, useMessages } from '../../i18n';
import type { DemandDetail, Ranked } from './demands-api';
import type { MatchResult } from './MatchesPage';

const messages = defineMessages(
  {
    members: '服务党员',
    pick: '选择认领组织的党员',
    rankedWithin: '量体裁衣：按技能特长、校区、空闲、在办负担和同类需求满意度为「{unit}」的党员排序，勾选要安排的人。',
    search: '按姓名或技能查找',
    score: '匹配 {n} 分',
    picked: '已选 {n} 人',
    save: '确定',
    result: '服务结果',
    served: '参与服务的党员与时长（分钟）',
    minutes: '分钟',
    add: '添加党员',
    photos: '服务照片',
    upload: '上传照片',
    photoUrls: '照片网址（每行一个，选填）',
    complete: '登记完成',
    uploaded: '已上传 {n} 张',
    required: '必填',
  },
  {
    members: 'Members',
    pick: 'Pick members of the claiming unit',
    rankedWithin:
      'Members of {unit}, ranked by skills, campus, availability, open load and past satisfaction; tick who serves.',
    search: 'Find by name or skill',
    score: 'match {n}',
    picked: '{n} picked',
    save: 'Save',
    result: 'Result',
    served: 'Members who served and minutes',
    minutes: 'min',
    add: 'Add member',
    photos: 'Photos',
    upload: 'Upload photo',
    photoUrls: 'Photo links (one per line, optional)',
    complete: 'Record completion',
    uploaded: '{n} uploaded',
    required: 'Required',
  },
);
interface Candidate {
  id: number;
  name: string;
  unitName: string;
  skills: string[];
}
const useCandidates = (id: number) =>
  useQuery({
    queryKey: ['demand-candidates', id],
    queryFn: () => get<{ items: Candidate[] }>(`/api/demands/${id}/candidates`),
  });
const optionsOf = (items: Candidate[] | undefined) =>
  (items ?? []).map((c) => ({
    value: c.id,
    label: `${c.name}（${c.unitName}${c.skills.length ? ` · ${c.skills.join('、')}` : ''}）`,
  }));

/**
 * The claiming side picks the members who will serve: the claiming unit's members ranked by 量体裁衣 with
 * their reasons, ticked in a list (no drop-down to cover the button). Someone who may not see the ranking
 * (a member who claimed personally) gets the same list unranked.
 */
export function MembersForm({
  demand,
  pending,
  onSubmit,
}: {
  demand: DemandDetail;
  pending: boolean;
  onSubmit(ids: number[]): void;
}) {
  const t = useMessages(messages);
  const candidates = useCandidates(demand.id);
  const ranked = useQuery({
    queryKey: ['demand-matches', demand.id],
    queryFn: () => get<MatchResult>(`/api/demands/${demand.id}/matches`),
    enabled: demand.abilities.matches,
    retry: false,
  });
  const [ids, setIds] = useState<number[]>(demand.assigneeIds);
  const [q, setQ] = useState('');
  const rows = useMemo(() => rankedRows(ranked.data?.members, candidates.data?.items), [ranked.data, candidates.data]);
  const shown = q.trim()
    ? rows.filter((r) => `${r.name} ${r.unitName} ${r.skills.join(' ')}`.includes(q.trim()))
    : rows;
  const toggle = (id: number, on: boolean) => setIds(on ? [...ids, id] : ids.filter((x) => x !== id));
  return (
    <Flex vertical gap={10}>
      <Typography.Text type="secondary">
        {ranked.data
          ? t('rankedWithin', { unit: ranked.data.within?.name ?? demand.claim?.unitName ?? '' })
          : t('pick')}
      </Typography.Text>
      <Input.Search
        allowClear
        placeholder={t('search')}
        aria-label={t('search')}
        onChange={(e) => setQ(e.target.value)}
      />
      <div style={{ maxHeight: 360, overflowY: 'auto', border: '1px solid #f0f0f0', borderRadius: 6 }}>
        {candidates.isPending || (demand.abilities.matches && ranked.isPending) ? (
          <Spin style={{ display: 'block', margin: 24 }} />
        ) : (
          <List
            size="small"
            dataSource={shown}
            data-testid="ranked-members"
            renderItem={(r, i) => (
              <List.Item style={{ padding: '6px 10px' }} data-testid="ranked-member">
                <Checkbox
                  checked={ids.includes(r.id)}
                  onChange={(e) => toggle(r.id, e.target.checked)}
                  style={{ width: '100%' }}
                >
                  <Flex vertical gap={2}>
                    <span>
                      <Typography.Text
                        strong
                      >{`${r.score !== null && !q ? `${i + 1}. ` : ''}${r.name}`}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {`　${r.unitName}${r.score !== null ? ` · ${t('score', { n: r.score })}` : ''}`}
                      </Typography.Text>
                    </span>
                    {r.reasons.length > 0 && (
                      <Flex wrap gap={4}>
                        {r.reasons.map((reason) => (
                          <Tag key={reason} style={{ fontSize: 11, marginInlineEnd: 0 }} color={reasonColor(reason)}>
                            {reason}
                          </Tag>
                        ))}
                      </Flex>
                    )}
                  </Flex>
                </Checkbox>
              </List.Item>
            )}
          />
        )}
      </div>
      <Button type="primary" block disabled={ids.length === 0} loading={pending} onClick={() => onSubmit(ids)}>
        {ids.length ? `${t('save')}（${t('picked', { n: ids.length })}）` : t('save')}
      </Button>
    </Flex>
  );
}

interface Row {
  id: number;
  name: string;
  unitName: string;
  skills: string[];
  score: number | null;
  reasons: string[];
}
/** The ranked members first (best first), then anyone the ranking left out, unranked. */
function rankedRows(ranked: Ranked[] | undefined, all: Candidate[] | undefined): Row[] {
  const rows: Row[] = (ranked ?? []).map((r) => ({
    id: r.id,
    name: r.name,
    unitName: r.unitName ?? '',
    skills: r.skills,
    score: r.score,
    reasons: r.reasons,
  }));
  const seen = new Set(rows.map((r) => r.id));
  for (const c of all ?? [])
    if (!seen.has(c.id))
      rows.push({ id: c.id, name: c.name, unitName: c.unitName, skills: c.skills, score: null, reasons: [] });
  return rows;
}
const reasonColor = (r: string) =>
  r.startsWith('具备') || r.startsWith('同在') || r.includes('没有其他') || r.includes('可优先')
    ? 'green'
    : r.startsWith('缺少') || r.includes('不同') || r.includes('已有其他')
      ? 'orange'
      : 'default';

/** Completion: result, each member's minutes, photos (uploaded files or links). */
export function CompleteForm({
  demand,
  pending,
  onSubmit,
}: {
  demand: DemandDetail;
  pending: boolean;
  onSubmit(body: {
    result: string;
    services: { personId: number; minutes: number }[];
    photoIds: number[];
    photoUrls: string[];
  }): void;
}) {
  const t = useMessages(messages);
  const candidates = useCandidates(demand.id);
  const current = demand.assignees.filter((a) => a.round === demand.round);
  const [rows, setRows] = useState(current.map((a, i) => ({ key: i, personId: a.personId, minutes: 60 })));
  const [photoIds, setPhotoIds] = useState<number[]>([]);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [form] = Form.useForm<{ result: string; photoUrls?: string }>();
  const update = (i: number, patch: Partial<(typeof rows)[number]>) =>
    setRows(rows.map((r, j) => (i === j ? { ...r, ...patch } : r)));
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) =>
        onSubmit({
          result: v.result,
          services: rows.filter((r) => r.personId > 0).map(({ personId, minutes }) => ({ personId, minutes })),
          photoIds,
          photoUrls: (v.photoUrls ?? '')
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean),
        })
      }
    >
      <Form.Item name="result" label={t('result')} rules={[{ required: true, message: t('required') }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Typography.Text strong>{t('served')}</Typography.Text>
      <Flex vertical gap={6} style={{ margin: '8px 0 12px' }} data-testid="service-rows">
        {rows.map((r, i) => (
          <Flex key={r.key} gap={6} align="center">
            <Select
              style={{ flex: 1, minWidth: 0 }}
              value={r.personId || undefined}
              onChange={(personId) => update(i, { personId })}
              options={optionsOf(candidates.data?.items)}
              showSearch
              optionFilterProp="label"
              aria-label={t('members')}
            />
            <InputNumber
              min={1}
              max={1440}
              step={30}
              value={r.minutes}
              onChange={(m) => update(i, { minutes: m ?? 0 })}
              style={{ width: 92 }}
              aria-label={t('minutes')}
            />
            <Button
              icon={<DeleteOutlined />}
              onClick={() => setRows(rows.filter((_, j) => j !== i))}
              aria-label="删除"
            />
          </Flex>
        ))}
        <Button
          onClick={() =>
            setRows([...rows, { key: Math.max(-1, ...rows.map((x) => x.key)) + 1, personId: 0, minutes: 60 }])
          }
        >
          {t('add')}
        </Button>
      </Flex>
      <Form.Item
        label={t('photos')}
        extra={photoIds.length ? t('uploaded', { n: photoIds.length }) : undefined}
        help={uploadError ?? undefined}
        validateStatus={uploadError ? 'error' : undefined}
      >
        <Upload
          accept="image/*"
          showUploadList={false}
          customRequest={async ({ file, onSuccess, onError }) => {
            const body = new FormData();
            body.append('file', file as Blob);
            try {
              const saved = await post<{ id: number }>(`/api/demands/${demand.id}/photos`, body);
              setPhotoIds((ids) => [...ids, saved.id]);
              setUploadError(null);
              onSuccess?.(saved);
            } catch (err) {
              setUploadError(err instanceof ApiError ? err.message : String(err));
              onError?.(err as Error);
            }
          }}
        >
          <Button icon={<UploadOutlined />}>{t('upload')}</Button>
        </Upload>
      </Form.Item>
      <Form.Item name="photoUrls" label={t('photoUrls')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={pending} disabled={rows.every((r) => !r.personId)}>
        {t('complete')}
      </Button>
    </Form>
  );
}
