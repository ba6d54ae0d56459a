import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { shellMessages, useMessages } from '../i18n';

export function NotFoundPage() {
  const t = useMessages(shellMessages);
  return (
    <Result
      status="404"
      title={t('notFound')}
      subTitle={t('notFoundHint')}
      extra={
        <Link to="/">
          <Button type="primary">{t('backHome')}</Button>
        </Link>
      }
    />
  );
}
