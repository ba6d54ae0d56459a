import { PlusOutlined } from '@ant-design/icons';
import { PARTNER_KINDS } from '@pioneer/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Form, Input, Modal, Row, Select, Space, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { post, put } from '../../api';
import { showServerErrors } from '../../forms';
import { defineMessages, useMessages } from '../../i18n';
import { useSession } from '../../session';
import { hasPermission } from '../types';
import { useOrgLabels } from './labels';
import { type Partner, type Unit, usePartners } from './org-api';
import { UnitTreeSelect } from './UnitTreeSelect';

const messages = defineMessages(
  {
    title: '共建单位',
    add: '新增共建单位',
    edit: '编辑',
    editTitle: '编辑共建单位',
    name: '名称',
    kind: '类别',
    owner: '结对组织',
    address: '地址',
    contact: '联系人',
    contactName: '联系人姓名',
    contactPhone: '联系电话',
    actions: '操作',
    required: '必填',
    saved: '已保存',
  },
  {
    title: 'Partners',
    add: 'Add partner',
    edit: 'Edit',
    editTitle: 'Edit partner',
    name: 'Name',
    kind: 'Kind',
    owner: 'Paired unit',
    address: 'Address',
    contact: 'Contact',
    contactName: 'Contact name',
    contactPhone: 'Contact phone',
    actions: 'Actions',
    required: 'Required',
    saved: 'Saved',
  },
);

type Values = Pick<Partner, 'name' | 'kind' | 'ownerUnitId' | 'address' | 'contactName' | 'contactPhone'>;
const FIELDS = ['name', 'kind', 'ownerUnitId', 'address', 'contactName', 'contactPhone'] as const;

/** /org/partners: communities, villages, enterprises and bodies the units pair with (共建单位). */
export function PartnersPage() {
  const t = useMessages(messages);
  const labels = useOrgLabels();
  const { me } = useSession();
  const partners = usePartners();
  const [editing, setEditing] = useState<Partner | 'new' | null>(null);

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <h1 className="pioneer-page-title" style={{ margin: 0 }}>
          {t('title')}
        </h1>
        {hasPermission(me, 'partner.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('add')}
          </Button>
        )}
      </Space>
      {partners.isError && <Typography.Text type="danger">{partners.error.message}</Typography.Text>}
      <Table<Partner>
        rowKey="id"
        size="middle"
        loading={partners.isPending}
        dataSource={partners.data}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('name'), dataIndex: 'name' },
          { title: t('kind'), dataIndex: 'kind', render: (k: string) => labels.partnerKind(k) },
          { title: t('owner'), dataIndex: 'ownerUnitName' },
          { title: t('address'), dataIndex: 'address' },
          {
            title: t('contact'),
            key: 'contact',
            render: (_, p) => [p.contactName, p.contactPhone].filter(Boolean).join(' '),
          },
          {
            title: t('actions'),
            key: 'actions',
            render: (_, p) =>
              p.abilities.update && (
                <Button type="link" size="small" onClick={() => setEditing(p)} aria-label={`${t('edit')} ${p.name}`}>
                  {t('edit')}
                </Button>
              ),
          },
        ]}
      />
      {editing && <PartnerDialog partner={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function PartnerDialog({ partner, onClose }: { partner: Partner | null; onClose: () => void }) {
  const t = useMessages(messages);
  const labels = useOrgLabels();
  const { message } = App.useApp();
  const { currentUnit } = useSession();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const selectable = useCallback((u: Unit) => u.abilities.managePartners && !u.closedAt, []);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        ...v,
        address: v.address ?? '',
        contactName: v.contactName ?? '',
        contactPhone: v.contactPhone ?? '',
      };
      return partner ? put(`/api/partners/${partner.id}`, body) : post('/api/partners', body);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['partners'] });
      message.success(t('saved'));
      onClose();
    },
    onError: (err) => {
      const rest = showServerErrors(form, err, FIELDS);
      if (rest) message.error(rest);
    },
  });
  const required = [{ required: true, message: t('required') }];
  return (
    <Modal
      open
      title={partner ? t('editTitle') : t('add')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={partner ?? { kind: 'community', ownerUnitId: currentUnit?.id }}
      >
        <Form.Item name="name" label={t('name')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('kind')} rules={required}>
          <Select options={PARTNER_KINDS.map((k) => ({ value: k, label: labels.partnerKind(k) }))} />
        </Form.Item>
        <Form.Item name="ownerUnitId" label={t('owner')} rules={required}>
          <UnitTreeSelect selectable={selectable} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="address" label={t('address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="contactName" label={t('contactName')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="contactPhone" label={t('contactPhone')}>
              <Input maxLength={30} inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
