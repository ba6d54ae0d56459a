import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { post, put } from '../../api';
import { showServerErrors } from '../../forms';
import { defineMessages, useMessages } from '../../i18n';
import { UnitTreeSelect } from '../org/UnitTreeSelect';
import { type Category, useCategories } from './demands-api';
import { useDemandLabels } from './labels';

const messages = defineMessages(
  {
    title: '需求类别与时限',
    add: '新增类别',
    edit: '编辑',
    name: '名称',
    group: '分组',
    code: '编码（Open311 service_code）',
    skills: '所需技能',
    unit: '默认承办组织',
    limits: '时限：分拣 / 认领 / 完成',
    triage: '分拣时限（小时）',
    claim: '认领时限（小时）',
    complete: '完成时限（小时）',
    active: '启用',
    description: '说明',
    root: '（全校）',
    saved: '已保存',
    required: '必填',
  },
  {
    title: 'Categories and time limits',
    add: 'Add category',
    edit: 'Edit',
    name: 'Name',
    group: 'Group',
    code: 'Code (Open311 service_code)',
    skills: 'Skills needed',
    unit: 'Default handling unit',
    limits: 'Limits: triage / claim / complete',
    triage: 'Triage limit (hours)',
    claim: 'Claim limit (hours)',
    complete: 'Completion limit (hours)',
    active: 'Active',
    description: 'Description',
    root: '(school-wide)',
    saved: 'Saved',
    required: 'Required',
  },
);
type Values = Omit<Category, 'id' | 'defaultUnitName' | 'triageMinutes' | 'claimMinutes' | 'completeMinutes'> & {
  triageHours: number;
  claimHours: number;
  completeHours: number;
};

/** /demands/categories: the organization department sets categories, required skills, handling unit and time limits. */
export default function CategoriesPage() {
  const t = useMessages(messages);
  const { duration } = useDemandLabels();
  const categories = useCategories();
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <h1 className="pioneer-page-title" style={{ margin: 0 }}>
          {t('title')}
        </h1>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('add')}
        </Button>
      </Flex>
      <Table<Category>
        rowKey="id"
        size="middle"
        loading={categories.isPending}
        dataSource={categories.data?.items}
        scroll={{ x: 'max-content' }}
        pagination={false}
        columns={[
          { title: t('group'), dataIndex: 'group' },
          { title: t('name'), dataIndex: 'name', render: (n: string, c) => (c.active ? n : <del>{n}</del>) },
          { title: 'code', dataIndex: 'code' },
          {
            title: t('skills'),
            dataIndex: 'requiredSkills',
            render: (s: string[]) => s.map((x) => <Tag key={x}>{x}</Tag>),
          },
          { title: t('unit'), dataIndex: 'defaultUnitName', render: (n: string | null) => n ?? t('root') },
          {
            title: t('limits'),
            key: 'limits',
            render: (_, c) => [c.triageMinutes, c.claimMinutes, c.completeMinutes].map(duration).join(' / '),
          },
          {
            title: '',
            key: 'edit',
            render: (_, c) => (
              <Button size="small" type="link" onClick={() => setEditing(c)}>
                {t('edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && <CategoryDialog category={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function CategoryDialog({ category, onClose }: { category: Category | null; onClose(): void }) {
  const t = useMessages(messages);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: ({ triageHours, claimHours, completeHours, ...v }: Values) => {
      const body = {
        ...v,
        description: v.description ?? '',
        defaultUnitId: v.defaultUnitId ?? null,
        triageMinutes: Math.round(triageHours * 60),
        claimMinutes: Math.round(claimHours * 60),
        completeMinutes: Math.round(completeHours * 60),
      };
      return category ? put(`/api/demand-categories/${category.id}`, body) : post('/api/demand-categories', body);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['demand-categories'] });
      message.success(t('saved'));
      onClose();
    },
    onError: (err) =>
      setError(
        showServerErrors(form, err, [
          'name',
          'group',
          'code',
          'requiredSkills',
          'defaultUnitId',
          'description',
          'active',
        ]),
      ),
  });
  const required = [{ required: true, message: t('required') }];
  const initial = category
    ? {
        ...category,
        triageHours: category.triageMinutes / 60,
        claimHours: category.claimMinutes / 60,
        completeHours: category.completeMinutes / 60,
      }
    : { active: true, requiredSkills: [], triageHours: 48, claimHours: 72, completeHours: 168 };
  return (
    <Modal
      open
      title={category ? t('edit') : t('add')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending }}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="name" label={t('name')} rules={required}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="group" label={t('group')} rules={required}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="code" label={t('code')} rules={required}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="requiredSkills" label={t('skills')}>
          <Select mode="tags" />
        </Form.Item>
        <Form.Item name="defaultUnitId" label={t('unit')}>
          <UnitTreeSelect allowClear placeholder={t('root')} />
        </Form.Item>
        <Flex gap={8}>
          {(['triageHours', 'claimHours', 'completeHours'] as const).map((k) => (
            <Form.Item
              key={k}
              name={k}
              label={t(k.replace('Hours', '') as 'triage')}
              rules={required}
              style={{ flex: 1 }}
            >
              <InputNumber min={1} max={8760} style={{ width: '100%' }} />
            </Form.Item>
          ))}
        </Flex>
        <Form.Item name="description" label={t('description')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="active" label={t('active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
