import { lazy, Suspense, useEffect, useState } from 'react';
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Segmented, Space, Spin, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { api, session, SessionUser, setUnauthorizedHandler } from './api';
import { setLanguage } from './i18n';
import { homeOf, mayOpen, QUEUE_BOARD_ROLES, SCREENS } from './roles';
import Login from './pages/Login';

// Each screen is its own chunk: an operator never downloads the dashboard's charts.
const Intake = lazy(() => import('./pages/Intake'));
const CaseList = lazy(() => import('./pages/CaseList'));
const CaseDetail = lazy(() => import('./pages/CaseDetail'));
const Supervisor = lazy(() => import('./pages/Supervisor'));
const Dashboard = lazy(() => import('./pages/Dashboard'));
const Admin = lazy(() => import('./pages/Admin'));

function Shell({ user, onSignOut }: { user: SessionUser; onSignOut: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const items = Object.keys(SCREENS)
    .filter((screen) => mayOpen(screen, user))
    .map((screen) => ({ key: `/${screen}`, label: t(`nav.${screen}`) }));
  const selected = items.find((i) => location.pathname.startsWith(i.key))?.key;
  // The board is a page of its own behind a short-lived cookie: the tab opens at the click (so no popup
  // blocker stops it), the cookie is asked for, then the tab goes to the board.
  const openQueueBoard = () => {
    const tab = window.open('', '_blank');
    api
      .post('/queue-board/session')
      .then(() => tab?.location.assign('/admin/queues'))
      .catch(() => tab?.close());
  };
  const guard = (screen: keyof typeof SCREENS, element: JSX.Element) =>
    mayOpen(screen, user) ? element : <Navigate to={homeOf(user)} replace />;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Title>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={selected ? [selected] : []}
          items={items}
          onClick={(e) => navigate(e.key)}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Space>
          <Segmented
            size="small"
            value={i18n.language}
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'EN' },
            ]}
            onChange={(v) => setLanguage(v as 'zh-CN' | 'en')}
          />
          {QUEUE_BOARD_ROLES.includes(user.role) && (
            <Button size="small" data-queue-board onClick={openQueueBoard}>
              {t('app.queueBoard')}
            </Button>
          )}
          <Typography.Text style={{ color: '#fff' }} data-testid="signed-in-user">
            {user.displayName} · {t(`role.${user.role}`)}
          </Typography.Text>
          <Button size="small" onClick={onSignOut}>
            {t('app.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <Suspense fallback={<Spin />}>
          <Routes>
            <Route path="/intake" element={guard('intake', <Intake />)} />
            <Route path="/cases" element={guard('cases', <CaseList user={user} />)} />
            <Route path="/cases/:id" element={guard('cases', <CaseDetail user={user} />)} />
            <Route path="/supervisor/*" element={guard('supervisor', <Supervisor user={user} />)} />
            <Route path="/dashboard" element={guard('dashboard', <Dashboard user={user} />)} />
            <Route path="/admin/*" element={guard('admin', <Admin />)} />
            <Route path="*" element={<Navigate to={homeOf(user)} replace />} />
          </Routes>
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}

export default function App() {
  const { i18n } = useTranslation();
  const [user, setUser] = useState<SessionUser | null>(session.user());
  // The server ended the session for idleness (401 SessionIdle): the sign-in page says so. Requests in
  // flight may answer SessionEnded after it (the idle session is ended at once), so it is only ever set here.
  const [signedOutIdle, setSignedOutIdle] = useState(false);
  const navigate = useNavigate();
  useEffect(() => {
    setUnauthorizedHandler((code) => {
      session.clear();
      setUser(null);
      if (code === 'SessionIdle') setSignedOutIdle(true);
    });
  }, []);
  const signOut = () => {
    // Ends the token on the server too (it reads the token before the session is cleared below).
    void api.post('/auth/logout').catch(() => undefined);
    session.clear();
    setUser(null);
    navigate('/login');
  };
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#c8102e' } }}>
      <AntApp>
        {user ? (
          <Routes>
            <Route path="/login" element={<Navigate to={homeOf(user)} replace />} />
            <Route path="*" element={<Shell user={user} onSignOut={signOut} />} />
          </Routes>
        ) : (
          <Routes>
            <Route
              path="/login"
              element={
                <Login
                  signedOutIdle={signedOutIdle}
                  onSignedIn={(u) => {
                    setSignedOutIdle(false);
                    setUser(u);
                    navigate(homeOf(u));
                  }}
                />
              }
            />
            <Route path="*" element={<Navigate to="/login" replace />} />
          </Routes>
        )}
      </AntApp>
    </ConfigProvider>
  );
}
