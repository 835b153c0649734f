import { Card, Table, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { api, CasePage, SessionUser, CaseView, DepartmentReturns, ExtensionRequest, Suspension } from '../api';
import CaseActions from '../components/CaseActions';
import { SlaTag, StatusTag } from '../components/SlaTag';
import { useLoad } from '../hooks';
import { CITY_ORDER_ROLES } from '../roles';
import CityOrders from './supervisor/CityOrders';

/** A queue of cases with the actions a supervisor takes on them (only those the API allows, per case). */
function CaseQueue({ query, only, testId }: { query: Record<string, string>; only: string[]; testId: string }) {
  const { t } = useTranslation();
  const cases = useLoad(() => api.get<CasePage>('/cases', { ...query, pageSize: 50 }), [JSON.stringify(query)]);
  return (
    <Table<CaseView>
      rowKey="id"
      size="middle"
      data-testid={testId}
      loading={cases.loading}
      dataSource={cases.data?.items ?? []}
      pagination={false}
      locale={{ emptyText: t('supervisor.empty') }}
      columns={[
        { title: t('case.caseNo'), dataIndex: 'caseNo', render: (v, c) => <Link to={`/cases/${c.id}`}>{v}</Link> },
        { title: t('case.title'), dataIndex: 'title', ellipsis: true },
        { title: t('case.caller'), render: (_, c) => (c.caller ? `${c.caller.name} ${c.caller.phone}` : '—') },
        { title: t('case.leadDepartment'), render: (_, c) => c.leadDepartment?.name ?? '—' },
        { title: t('case.result'), dataIndex: 'result', ellipsis: true },
        { title: t('case.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
        { title: t('case.sla'), render: (_, c) => <SlaTag sla={c.sla} /> },
        { title: t('case.actions'), render: (_, c) => <CaseActions caseId={c.id} only={only} onDone={cases.reload} /> },
      ]}
    />
  );
}

function Approvals() {
  const { t } = useTranslation();
  const pending = useLoad(() => api.get<ExtensionRequest[]>('/extension-requests', { status: 'pending' }), []);
  const returns = useLoad(() => api.get<DepartmentReturns[]>('/returns/by-department'), []);
  const suspensions = useLoad(() => api.get<Suspension[]>('/suspensions', { status: 'pending' }), []);
  return (
    <>
      <Typography.Title level={5}>{t('supervisor.extensions')}</Typography.Title>
      <Table<ExtensionRequest>
        rowKey="id"
        size="middle"
        data-testid="extension-queue"
        loading={pending.loading}
        dataSource={pending.data ?? []}
        pagination={false}
        locale={{ emptyText: t('supervisor.empty') }}
        columns={[
          { title: t('case.caseNo'), dataIndex: 'caseNo', render: (v, r) => <Link to={`/cases/${r.caseId}`}>{v}</Link> },
          { title: t('supervisor.days'), dataIndex: 'days' },
          { title: t('action.field.reason'), dataIndex: 'reason' },
          { title: t('supervisor.requestedBy'), dataIndex: 'requestedBy' },
          {
            title: t('supervisor.requestedAt'),
            dataIndex: 'requestedAt',
            render: (v: string) => v.slice(0, 16).replace('T', ' '),
          },
          {
            title: t('case.actions'),
            render: (_, r) => (
              <CaseActions caseId={r.caseId} only={['approveExtension', 'rejectExtension']} onDone={pending.reload} />
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('supervisor.suspensions')}
      </Typography.Title>
      <Table<Suspension>
        rowKey="id"
        size="middle"
        data-testid="suspension-queue"
        loading={suspensions.loading}
        dataSource={suspensions.data ?? []}
        pagination={false}
        locale={{ emptyText: t('supervisor.empty') }}
        columns={[
          { title: t('case.caseNo'), dataIndex: 'caseNo', render: (v, r) => <Link to={`/cases/${r.caseId}`}>{v}</Link> },
          { title: t('action.field.suspensionReason'), dataIndex: 'reason', render: (v: string) => t(`suspensionReason.${v}`) },
          { title: t('action.field.note'), dataIndex: 'note', ellipsis: true },
          { title: t('supervisor.requestedBy'), dataIndex: 'requestedBy' },
          {
            title: t('supervisor.requestedAt'),
            dataIndex: 'requestedAt',
            render: (v: string) => v.slice(0, 16).replace('T', ' '),
          },
          {
            title: t('case.actions'),
            render: (_, r) => <CaseActions caseId={r.caseId} only={['decideSuspension']} onDone={suspensions.reload} />,
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('supervisor.returnedCases')}
      </Typography.Title>
      <CaseQueue query={{ status: 'returned' }} only={['dispatch', 'rejectReturn', 'close']} testId="returned-queue" />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('supervisor.returnsByDepartment')}
      </Typography.Title>
      <Table<DepartmentReturns>
        rowKey={(r) => r.department.code}
        size="small"
        loading={returns.loading}
        dataSource={returns.data ?? []}
        pagination={false}
        columns={[
          { title: t('case.leadDepartment'), render: (_, r) => r.department.name },
          { title: t('supervisor.returns'), dataIndex: 'returns' },
          { title: t('supervisor.rejected'), dataIndex: 'rejected' },
          { title: t('supervisor.redispatched'), dataIndex: 'redispatched' },
          { title: t('supervisor.waiting'), dataIndex: 'waiting' },
        ]}
      />
    </>
  );
}

/** 督办/质检: the callback queue (回访), approvals of extensions and returns, supervision and urging of late cases. */
export default function Supervisor({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const tab = location.pathname.split('/')[2] || 'callbacks';
  return (
    <Card title={t('nav.supervisor')}>
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(`/supervisor/${key}`)}
        destroyInactiveTabPane
        items={[
          {
            key: 'callbacks',
            label: t('supervisor.callbacks'),
            children: (
              <CaseQueue query={{ status: 'replied' }} only={['callback', 'callbackAttempt', 'close']} testId="callback-queue" />
            ),
          },
          {
            key: 'reviews',
            label: t('supervisor.reviews'),
            children: <CaseQueue query={{ status: 'awaitingCentreReview' }} only={['review']} testId="review-queue" />,
          },
          { key: 'approvals', label: t('supervisor.approvals'), children: <Approvals /> },
          {
            key: 'supervision',
            label: t('supervisor.supervision'),
            children: (
              <>
                <Typography.Title level={5}>{t('sla.state.overdue')}</Typography.Title>
                <CaseQueue query={{ sla: 'overdue' }} only={['supervise', 'urge']} testId="overdue-queue" />
                <Typography.Title level={5} style={{ marginTop: 24 }}>
                  {t('sla.state.warning')}
                </Typography.Title>
                <CaseQueue query={{ sla: 'warning' }} only={['supervise', 'urge']} testId="warning-queue" />
              </>
            ),
          },
          // The city's orders and their dead letters are the API's for supervisors and admins, not dispatchers.
          ...(CITY_ORDER_ROLES.includes(user.role)
            ? [{ key: 'city-orders', label: t('upstream.tab'), children: <CityOrders /> }]
            : []),
        ]}
      />
    </Card>
  );
}
