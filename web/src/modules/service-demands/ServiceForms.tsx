import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Form, Input, InputNumber, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, get, post } from '../../api';
import { defineMessages, useMessages } from '../../i18n';
import type { DemandDetail } from './demands-api';

const messages = defineMessages(
  {
    members: '服务党员',
    pick: '选择认领组织的党员',
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

/** The claiming side picks the members who will serve. */
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
  const [ids, setIds] = useState<number[]>(demand.assigneeIds);
  return (
    <Flex vertical gap={12}>
      <Select
        mode="multiple"
        aria-label={t('members')}
        placeholder={t('pick')}
        value={ids}
        onChange={setIds}
        loading={candidates.isPending}
        options={optionsOf(candidates.data?.items)}
        optionFilterProp="label"
        style={{ width: '100%' }}
      />
      <Button type="primary" block disabled={ids.length === 0} loading={pending} onClick={() => onSubmit(ids)}>
        {t('save')}
      </Button>
    </Flex>
  );
}

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
