import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, post } from '../api';
import { shellMessages, useLocale, useMessages } from '../i18n';
import { fetchMe, ME_KEY, useMe } from '../session';
import { LanguageSwitch } from './LanguageSwitch';
import { portalTiles } from './portal-tiles';

interface Credentials {
  username: string;
  password: string;
}

/** Only same-site paths: `next` comes from the address bar and must not send the person elsewhere. */
export function safeNext(next: string | null): string {
  // '//host' and '/\host' are other sites to a browser.
  return next && /^\/(?![/\\])/.test(next) && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const t = useMessages(shellMessages);
  const { locale } = useLocale();
  const me = useMe();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Credentials>();
  const next = safeNext(params.get('next'));

  const login = useMutation({
    mutationFn: (values: Credentials) => post('/api/auth/login', values),
    onSuccess: async () => {
      form.setFieldValue('password', '');
      await queryClient.fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe });
      navigate(next, { replace: true });
    },
    onError: (err) => {
      if (err instanceof ApiError) {
        const fields = err.fieldErrors();
        const named = (['username', 'password'] as const).filter((f) => fields[f]);
        if (named.length) form.setFields(named.map((f) => ({ name: f, errors: [fields[f]] })));
      }
    },
  });

  if (me) return <Navigate to={next} replace />;

  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', position: 'relative' }}>
      <div style={{ position: 'absolute', top: 12, right: 12 }}>
        <LanguageSwitch light />
      </div>
      {/* A red band with the brand; the card overlaps its lower edge, so nothing depends on the viewport's height. */}
      <div
        style={{
          background: 'linear-gradient(135deg, #c8161d, #9e1016)',
          padding: '72px 16px 96px',
          textAlign: 'center',
        }}
      >
        <Typography.Title level={2} style={{ color: '#fff', margin: '0 0 4px', letterSpacing: 4 }}>
          {t('brand')}
        </Typography.Title>
        <Typography.Text style={{ color: 'rgba(255,255,255,.85)' }}>{t('signInHint')}</Typography.Text>
      </div>
      <div style={{ padding: '0 16px 32px', marginTop: -64, display: 'flex', justifyContent: 'center' }}>
        <Card style={{ width: '100%', maxWidth: 380 }} title={t('signInTitle')}>
          {login.error && (
            <Alert
              type="error"
              showIcon
              title={login.error.message}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          )}
          <Form form={form} layout="vertical" onFinish={(v) => login.mutate(v)} requiredMark={false} autoComplete="on">
            <Form.Item
              name="username"
              label={t('username')}
              rules={[{ required: true, message: t('usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="off" size="large" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('password')}
              rules={[{ required: true, message: t('passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
              {t('signIn')}
            </Button>
          </Form>
        </Card>
      </div>
      {/* Everything a visitor can do without an account, one tap from here (and back: every public page links to sign-in). */}
      <nav
        aria-label={t('publicPages')}
        data-testid="login-public-links"
        style={{ textAlign: 'center', padding: '0 16px 32px' }}
      >
        <Typography.Text type="secondary">{t('withoutSignIn')}</Typography.Text>
        <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'center', gap: '4px 16px', marginTop: 6 }}>
          <Link to="/">{t('home')}</Link>
          {portalTiles().map((p) => (
            <Link key={p.path} to={p.path}>
              {p[locale].label}
            </Link>
          ))}
        </div>
      </nav>
    </div>
  );
}
