import { ArrowLeftOutlined, EditOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Col, Result, Row, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useMessages } from '../../i18n';
import { useSession } from '../../session';
import { hasPermission } from '../types';
import { usePeopleLabels } from './labels';
import { peopleMessages } from './messages';
import { PersonDetails } from './PersonDetails';
import { PersonEditDialog } from './PersonEditDialog';
import { PendingTransfer, PersonHistory } from './PersonHistory';
import { useProfile } from './people-api';
import { TransferDialog } from './TransferDialog';

/** /people/me: the signed-in person's own profile. */
export function MyProfileRedirect() {
  const { me } = useSession();
  return <Navigate to={`/people/${me.person.id}`} replace />;
}

/** /people/:id: the profile, with edit and transfer when the server's abilities allow them. */
export function PersonPage() {
  const t = useMessages(peopleMessages);
  const labels = usePeopleLabels();
  const { me } = useSession();
  const id = Number(useParams().id);
  const profile = useProfile(id);
  const [dialog, setDialog] = useState<'edit' | 'transfer' | null>(null);

  if (profile.isPending) return <Skeleton active />;
  if (profile.isError) {
    return (
      <Result
        status="404"
        title={profile.error.message}
        extra={
          <Link to="/people">
            <Button>{t('back')}</Button>
          </Link>
        }
      />
    );
  }
  const person = profile.data;
  const self = person.id === me.person.id;

  return (
    <>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Space wrap>
          {!self && (
            <Link to="/people" aria-label={t('back')}>
              <Button icon={<ArrowLeftOutlined />} type="text" />
            </Link>
          )}
          <h1 className="pioneer-page-title" style={{ margin: 0 }} data-testid="person-name">
            {person.name}
          </h1>
          <Tag color={person.politicalStatus === 'member' ? 'red' : 'default'}>
            {labels.label('politicalStatus', person.politicalStatus)}
          </Tag>
          {self && <Tag color="blue">{t('mine')}</Tag>}
        </Space>
        <Space wrap>
          {person.abilities.update && (
            <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
              {t('edit')}
            </Button>
          )}
          {person.abilities.transfer && (
            <Button icon={<SwapOutlined />} onClick={() => setDialog('transfer')}>
              {t('transferAction')}
            </Button>
          )}
        </Space>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <PersonDetails person={person} />
        </Col>
        <Col xs={24} lg={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <PendingTransfer transfer={person.pendingTransfer} />
            {hasPermission(me, 'audit.view') && <PersonHistory personId={person.id} />}
          </Space>
        </Col>
      </Row>
      {dialog === 'edit' && <PersonEditDialog person={person} open onClose={() => setDialog(null)} />}
      {dialog === 'transfer' && <TransferDialog person={person} open onClose={() => setDialog(null)} />}
    </>
  );
}
