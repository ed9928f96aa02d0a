import { useEffect } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { problemMessage } from '../api/problem';
import { startSession, useMe, useSessionStatus } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from '../layout/language-switch';
import { safeNext } from '../layout/require-login';
import { PageLoading } from '../layout/page-state';

interface Credentials {
  login: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useI18n();
  const me = useMe();
  const status = useSessionStatus();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const signIn = useMutation({
    mutationFn: (body: Credentials) => unwrap(api.POST('/api/v1/auth/login', { body })),
    onSuccess: (answer) => {
      startSession(answer);
      navigate(next, { replace: true });
    },
  });
  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
  }, [t]);
  if (me && !signIn.isSuccess) return <Navigate to={next} replace />;
  if (status === 'restoring') return <PageLoading />;
  return (
    <main className="single">
      <div className="single-brand">
        <span className="brand-name">
          {t('app.name')} · {t('app.tagline')}
        </span>
        <LanguageSwitch />
      </div>
      <h1 className="page-title">{t('login.title')}</h1>
      <p className="page-intro">
        {params.get('next')?.startsWith('/checkin') ? t('checkin.signInFirst') : t('login.intro')}
      </p>
      <Form<Credentials> layout="vertical" requiredMark={false} onFinish={(values) => signIn.mutate(values)}>
        <Form.Item
          label={t('login.login')}
          name="login"
          rules={[{ required: true, whitespace: true, message: t('login.loginRequired') }]}
        >
          <Input autoComplete="username" inputMode="email" size="large" />
        </Form.Item>
        <Form.Item
          label={t('login.password')}
          name="password"
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" size="large" />
        </Form.Item>
        {signIn.isError && (
          <Alert
            type="error"
            showIcon
            title={t('login.failed')}
            description={problemMessage(signIn.error, t)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Button type="primary" htmlType="submit" size="large" block loading={signIn.isPending}>
          {t('login.submit')}
        </Button>
      </Form>
      <p className="muted" style={{ marginTop: 16 }}>
        {t('login.forgot')}
      </p>
      {/* Residents need no account: their pages (pages/public) start here. */}
      <Link className="tap-link" to="/community">
        {t('public.communities.link')}
      </Link>
    </main>
  );
}
