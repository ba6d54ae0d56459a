import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Empty, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { get } from '../../api';
import { useMessages } from '../../i18n';
import { type PeopleKey, peopleMessages } from './messages';
import type { Transfer } from './people-api';

interface AuditItem {
  id: number;
  at: string;
  actor_name: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
}
const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** The transfer waiting for the receiving unit, if any. */
export function PendingTransfer({ transfer }: { transfer: Transfer | null }) {
  const t = useMessages(peopleMessages);
  return (
    <Card size="small" title={t('transfer')} data-testid="person-transfer">
      {transfer ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('status')}>
            <Typography.Text type="warning">{t('pendingTransfer')}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('to')}>
            {t('fromTo', { from: transfer.fromUnitName, to: transfer.toUnitName })}
          </Descriptions.Item>
          <Descriptions.Item label={t('reason')}>{transfer.reason}</Descriptions.Item>
          <Descriptions.Item label={t('requestedAt')}>
            {t('requestedBy', { name: transfer.requestedByName, date: time(transfer.requestedAt) })}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t('noPending')}</Typography.Text>
      )}
    </Card>
  );
}

/**
 * The person's change history — creation, edits, transfers in — read from the audit log, so it is shown to
 * those who may read the audit log of the person's unit.
 */
export function PersonHistory({ personId }: { personId: number }) {
  const t = useMessages(peopleMessages);
  const history = useQuery({
    queryKey: ['person', personId, 'history'],
    queryFn: () => get<{ items: AuditItem[] }>(`/api/audit?entityType=person&entityId=${personId}&pageSize=50`),
  });
  const fieldLabel = (key: string) => {
    const k = (key === 'fulltimePartyWorker' ? 'fulltime' : key) as PeopleKey;
    return k in peopleMessages.zh ? t(k) : key;
  };
  const describe = (e: AuditItem) => {
    const changed = e.after ? Object.keys(e.after).filter((k) => k !== 'unitId') : [];
    const label = `action.${e.action}` as PeopleKey;
    const what = label in peopleMessages.zh ? t(label) : e.action;
    const detail = e.action === 'person.updated' && changed.length ? `：${changed.map(fieldLabel).join('、')}` : '';
    return `${what}${detail}`;
  };
  return (
    <Card size="small" title={t('history')} loading={history.isPending}>
      {history.isError && <Alert type="error" showIcon title={history.error.message} />}
      {history.data?.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noHistory')} />}
      {history.data && history.data.items.length > 0 && (
        <Timeline
          items={history.data.items.map((e) => ({
            key: e.id,
            content: (
              <>
                <Typography.Text>{describe(e)}</Typography.Text>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {`${time(e.at)} · ${e.actor_name}${e.reason ? ` · ${e.reason}` : ''}`}
                </Typography.Text>
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
