import { Button, Progress, Result, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useMessages } from '../../i18n';
import { rosterMessages } from './messages';
import type { ImportKind, ImportResult, CommitProgress as ProgressValue } from './roster-api';

/** Step 4: the commit runs in one transaction on the server, which streams how many rows it has written. */
export function CommitProgress({ progress }: { progress: ProgressValue }) {
  const t = useMessages(rosterMessages);
  const percent = progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', padding: '24px 0' }} data-testid="import-progress">
      <Typography.Text>{t('committing')}</Typography.Text>
      <Progress percent={percent} status="active" />
      <Typography.Text type="secondary">
        {t('progress', { done: progress.done, total: progress.total })}
      </Typography.Text>
    </Space>
  );
}

interface DoneProps {
  kind: ImportKind;
  fileName: string;
  result: ImportResult;
  onAgain(): void;
}

/** Step 5: what was written, and where to see it. */
export function DoneStep({ kind, fileName, result, onAgain }: DoneProps) {
  const t = useMessages(rosterMessages);
  return (
    <Result
      status="success"
      title={t('doneTitle')}
      subTitle={t('doneSub', {
        file: fileName,
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged ?? 0,
      })}
      data-testid="import-done"
      extra={[
        <Link key="view" to={kind === 'people' ? '/people' : '/org'}>
          <Button type="primary">{kind === 'people' ? t('viewPeople') : t('viewUnits')}</Button>
        </Link>,
        <Button key="again" onClick={onAgain}>
          {t('again')}
        </Button>,
      ]}
    />
  );
}
