import { Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useDomainLabels } from '../../domain-labels';
import { useMessages } from '../../i18n';
import { usePeopleLabels } from './labels';
import { peopleMessages } from './messages';
import type { Profile } from './people-api';

const day = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');
const dash = (v: string | null | undefined) => v || '—';

/** Every DOMAIN §1 field of a person, grouped the way a Party-affairs office reads a 党员档案. */
export function PersonDetails({ person }: { person: Profile }) {
  const t = useMessages(peopleMessages);
  const roleLabel = useDomainLabels().role;
  const labels = usePeopleLabels();
  const column = { xs: 1, sm: 2, lg: 3 };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('basic')}>
        <Descriptions size="small" column={column} data-testid="person-basic">
          <Descriptions.Item label={t('name')}>{person.name}</Descriptions.Item>
          <Descriptions.Item label={t('gender')}>{labels.label('gender', person.gender)}</Descriptions.Item>
          <Descriptions.Item label={t('kind')}>{labels.label('kind', person.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('staffNo')}>{person.staffNo}</Descriptions.Item>
          <Descriptions.Item label={t('idNumber')}>{dash(person.idNumber)}</Descriptions.Item>
          <Descriptions.Item label={t('phone')}>{dash(person.phone)}</Descriptions.Item>
          <Descriptions.Item label={t('department')}>{dash(person.department)}</Descriptions.Item>
          <Descriptions.Item label={t('major')}>{dash(person.major)}</Descriptions.Item>
          <Descriptions.Item label={t('campus')}>{dash(person.campus)}</Descriptions.Item>
          <Descriptions.Item label={t('unitName')} span={column}>
            {person.unitTrail.map((u) => u.name).join(' / ')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('party')}>
        <Descriptions size="small" column={column}>
          <Descriptions.Item label={t('politicalStatus')}>
            {labels.label('politicalStatus', person.politicalStatus)}
          </Descriptions.Item>
          <Descriptions.Item label={t('joinedPartyOn')}>{day(person.joinedPartyOn)}</Descriptions.Item>
          <Descriptions.Item label={t('cadreLevel')}>{labels.label('cadreLevel', person.cadreLevel)}</Descriptions.Item>
          <Descriptions.Item label={t('fulltime')}>{person.fulltimePartyWorker ? t('yes') : t('no')}</Descriptions.Item>
          <Descriptions.Item label={t('developmentStage')}>
            {labels.label('developmentStage', person.developmentStage)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('service')}>
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('skills')}>
            {person.skills.length ? (
              <Space size={4} wrap>
                {person.skills.map((s) => (
                  <Tag key={s}>{s}</Tag>
                ))}
              </Space>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('specialty')}>{dash(person.specialty)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('roles')}>
        {person.roles.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noRoles')} />
        ) : (
          <List
            size="small"
            dataSource={person.roles}
            data-testid="person-roles"
            renderItem={(r) => (
              <List.Item>
                <Space wrap size={8}>
                  <Tag color="red">{roleLabel(r.role, r.roleLabel)}</Tag>
                  <Typography.Text>{r.unitName}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {`${t('validity')}：${r.validFrom} ~ ${r.validTo ?? t('longTerm')}`}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {`${t('createdAt')}：${day(person.createdAt)}　${t('updatedAt')}：${day(person.updatedAt)}`}
      </Typography.Text>
    </Space>
  );
}
