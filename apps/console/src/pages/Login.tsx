import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError, session, SessionUser, SignedIn } from '../api';
import { setLanguage } from '../i18n';

export default function Login({ onSignedIn }: { onSignedIn: (user: SessionUser) => void }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Signed in with a password an admin set: the API opens nothing but the change until it is made.
  const [pending, setPending] = useState<{ current: string } | null>(null);
  // Never rejects (every failure ends in setError), so the form may fire it and forget it.
  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const { accessToken, user, mustChangePassword } = await api.post<SignedIn>('/auth/login', values);
      session.save(accessToken, user);
      if (mustChangePassword) setPending({ current: values.password });
      else onSignedIn(user);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? t('login.wrong') : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  // Never rejects (every failure ends in setError), so the form may fire it and forget it.
  const change = async (values: { password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const { accessToken, user } = await api.post<SignedIn>('/auth/password', {
        current: pending!.current,
        new: values.password,
      });
      session.save(accessToken, user);
      onSignedIn(user);
    } catch (e) {
      setError(
        e instanceof ApiError && e.details.length
          ? e.details.map((d) => d.reason).join('; ')
          : e instanceof Error
            ? e.message
            : String(e),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 380 }}>
        <Segmented
          size="small"
          style={{ float: 'right' }}
          value={i18n.language}
          options={[
            { value: 'zh-CN', label: '中文' },
            { value: 'en', label: 'EN' },
          ]}
          onChange={(v) => setLanguage(v as 'zh-CN' | 'en')}
        />
        <Typography.Title level={3}>{t('app.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        {error && <Alert type="error" message={error} style={{ marginBottom: 16 }} />}
        {pending ? (
          <Form layout="vertical" data-password-change onFinish={(values: { password: string }) => void change(values)}>
            <Alert type="warning" message={t('login.mustChange')} style={{ marginBottom: 16 }} />
            <Form.Item name="password" label={t('login.newPassword')} rules={[{ required: true, min: 10 }]}>
              <Input.Password autoFocus autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t('login.confirmPassword')}
              dependencies={['password']}
              rules={[
                { required: true },
                ({ getFieldValue }) => ({
                  validator: (_, value) =>
                    value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('login.mismatch'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.change')}
            </Button>
          </Form>
        ) : (
          <Form layout="vertical" onFinish={(values: { username: string; password: string }) => void submit(values)}>
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true }]}>
              <Input autoFocus autoComplete="username" />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}
