import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  api,
  ApiError,
  SecondFactorChallenge,
  SecondFactorEnabled,
  SecondFactorOffer,
  SecondFactorStatus,
  session,
  SessionUser,
  SignedIn,
} from '../api';
import { setLanguage } from '../i18n';

export default function Login({
  onSignedIn,
  signedOutIdle = false,
}: {
  onSignedIn: (user: SessionUser) => void;
  /** The server ended the last session for idleness: said above the form. */
  signedOutIdle?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Signed in with a password an admin set: the API opens nothing but the change until it is made.
  const [pending, setPending] = useState<{ current: string } | null>(null);
  // A second factor is on: the password answered a challenge for the code.
  const [challenge, setChallenge] = useState<{ token: string; password: string } | null>(null);
  // The role requires a second factor and none is on: the offered secret, then the recovery codes.
  const [offer, setOffer] = useState<SecondFactorOffer | null>(null);
  const [recovery, setRecovery] = useState<{ codes: string[]; user: SessionUser } | null>(null);
  const failed = (e: unknown) =>
    setError(
      e instanceof ApiError && e.details.length
        ? e.details.map((d) => d.reason).join('; ')
        : e instanceof Error
          ? e.message
          : String(e),
    );
  /** Signed in: in, unless the role requires a second factor the user has not enrolled (then the enrolment). */
  const enter = async (user: SessionUser) => {
    const status = await api.get<SecondFactorStatus>('/auth/second-factor');
    if (status.required && !status.enabled) setOffer(await api.post<SecondFactorOffer>('/auth/second-factor/enrolment'));
    else onSignedIn(user);
  };
  // Never rejects (every failure ends in setError), so the form may fire it and forget it.
  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await api.post<SignedIn | SecondFactorChallenge>('/auth/login', values);
      if ('challengeToken' in answer) return setChallenge({ token: answer.challengeToken, password: values.password });
      session.save(answer.accessToken, answer.user);
      if (answer.mustChangePassword) setPending({ current: values.password });
      else await enter(answer.user);
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
      await enter(user);
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };
  // Never rejects: the second step, with the app's 6 digits or a recovery code.
  const verify = async (values: { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      const code = values.code.trim();
      const answer = /^\d{6}$/.test(code) ? { code } : { recoveryCode: code };
      const { accessToken, user, mustChangePassword } = await api.post<SignedIn>('/auth/login/second-factor', {
        challengeToken: challenge!.token,
        ...answer,
      });
      session.save(accessToken, user);
      setChallenge(null);
      if (mustChangePassword) setPending({ current: challenge!.password });
      else onSignedIn(user);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? t('login.wrongCode') : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  // Never rejects: confirms the offered secret; the answer's recovery codes are shown once.
  const confirm = async (values: { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      const enabled = await api.post<SecondFactorEnabled>('/auth/second-factor/confirm', { code: values.code.trim() });
      session.save(enabled.accessToken, enabled.user);
      setOffer(null);
      setRecovery({ codes: enabled.recoveryCodes, user: enabled.user });
    } catch (e) {
      failed(e);
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
        {signedOutIdle && !error && (
          <Alert type="warning" data-signed-out-idle message={t('login.idle')} style={{ marginBottom: 16 }} />
        )}
        {error && <Alert type="error" message={error} style={{ marginBottom: 16 }} />}
        {recovery ? (
          <div data-recovery-codes>
            <Alert type="warning" message={t('login.recoveryTitle')} style={{ marginBottom: 16 }} />
            <Typography.Paragraph code copyable>
              {recovery.codes.join('\n')}
            </Typography.Paragraph>
            <Button type="primary" block onClick={() => onSignedIn(recovery.user)}>
              {t('login.continue')}
            </Button>
          </div>
        ) : offer ? (
          <Form layout="vertical" data-second-factor-enrolment onFinish={(values: { code: string }) => void confirm(values)}>
            <Alert
              type="warning"
              message={t('login.enrolTitle')}
              description={t('login.enrolHelp')}
              style={{ marginBottom: 16 }}
            />
            <Typography.Paragraph>
              {t('login.secret')}:{' '}
              <Typography.Text code copyable>
                {offer.secret}
              </Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" copyable style={{ wordBreak: 'break-all' }}>
              {offer.otpauthUri}
            </Typography.Paragraph>
            <Form.Item name="code" label={t('login.code')} rules={[{ required: true, pattern: /^\d{6}$/ }]}>
              <Input autoFocus autoComplete="one-time-code" inputMode="numeric" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.enrol')}
            </Button>
          </Form>
        ) : challenge ? (
          <Form layout="vertical" data-second-factor onFinish={(values: { code: string }) => void verify(values)}>
            <Alert type="info" message={t('login.secondFactor')} style={{ marginBottom: 16 }} />
            <Form.Item name="code" label={t('login.code')} rules={[{ required: true }]}>
              <Input autoFocus autoComplete="one-time-code" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.verify')}
            </Button>
          </Form>
        ) : pending ? (
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
