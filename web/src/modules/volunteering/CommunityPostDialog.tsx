import { COMMUNITY_POST_CATEGORIES } from '@pioneer/domain';
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { post } from '../../api';
import { DateInput } from '../../DateInputs';
import { useSession } from '../../session';
import { FormDialog, useFormSave } from './FormDialog';
import { inScopeOf, PARTNER_KIND_LABELS, usePartnerList } from './vol-admin';
import { categoryLabel } from './vol-api';

interface PostValues {
  partnerId: number;
  title: string;
  category: string;
  description: string;
  slots: number;
  startsOn: string;
  endsOn: string;
}
const POST_FIELDS = ['partnerId', 'title', 'category', 'description', 'slots', 'startsOn', 'endsOn'];

/** The communities whose posts this person may enter: community/village partners owned within volunteer.manage. */
export function useCommunityPartners() {
  const { me } = useSession();
  const partners = usePartnerList();
  const items = (partners.data ?? []).filter(
    (p) => (p.kind === 'community' || p.kind === 'village') && inScopeOf(me, 'volunteer.manage', p.ownerPath),
  );
  return { loading: partners.isLoading, items };
}

/** 发布社区服务岗位 (POST /api/volunteer/community-posts). */
export function PostDialog(props: { onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<PostValues>();
  const communities = useCommunityPartners();
  const save = useFormSave({
    form,
    fields: POST_FIELDS,
    mutationFn: (v: PostValues) => post('/api/volunteer/community-posts', { ...v, description: v.description ?? '' }),
    onSaved: props.onSaved,
  });
  return (
    <FormDialog
      title="发布社区服务岗位"
      okText="发布"
      form={form}
      initialValues={{
        category: 'community',
        slots: 5,
        description: '',
        startsOn: dayjs().format('YYYY-MM-DD'),
        endsOn: dayjs().add(1, 'month').format('YYYY-MM-DD'),
      }}
      save={save}
      onClose={props.onClose}
    >
      <Form.Item name="partnerId" label="社区（村）" rules={[{ required: true, message: '请选择社区' }]}>
        <Select
          aria-label="社区（村）"
          showSearch={{ optionFilterProp: 'label' }}
          loading={communities.loading}
          notFoundContent="没有您可为其发布岗位的社区"
          options={communities.items.map((p) => ({
            value: p.id,
            label: `${p.name}（${PARTNER_KIND_LABELS[p.kind]}，${p.ownerUnitName}联系）`,
          }))}
        />
      </Form.Item>
      <Form.Item name="title" label="岗位名称" rules={[{ required: true, message: '请填写岗位名称' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="category" label="服务类别">
        <Select
          aria-label="服务类别"
          options={COMMUNITY_POST_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }))}
        />
      </Form.Item>
      <Form.Item name="description" label="岗位说明">
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Form.Item name="slots" label="名额" rules={[{ required: true, message: '请填写名额' }]}>
        <InputNumber min={1} max={500} style={{ width: '100%' }} />
      </Form.Item>
      <Row gutter={8}>
        <Col span={12}>
          <Form.Item name="startsOn" label="开始日期" rules={[{ required: true, message: '请填写开始日期' }]}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="endsOn" label="结束日期" rules={[{ required: true, message: '请填写结束日期' }]}>
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
    </FormDialog>
  );
}
