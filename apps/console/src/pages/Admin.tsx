import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { api, CalendarStatus, HolidayOverride, SlaLimit, SlaPolicyRecord } from '../api';
import { useApiErrors } from '../components/CaseActions';
import { useLoad } from '../hooks';
import { HolidayNotices } from './admin/HolidayNotices';
import Users from './admin/Users';
import Departments from './admin/Departments';
import Categories from './admin/Categories';
import RoutingRules from './admin/RoutingRules';
import Addresses from './admin/Addresses';
import Enterprises from './admin/Enterprises';
import Knowledge from './admin/Knowledge';

interface Open311Client {
  id: string;
  code: string;
  name: string;
  keyPrefix: string;
  rateLimitPerMinute: number;
  active: boolean;
  createdAt: string;
}
interface OverrideInput {
  date: { format: (f: string) => string };
  working: boolean;
  note?: string;
}
interface ClientInput {
  code: string;
  name: string;
  rateLimitPerMinute?: number;
}

function SlaPolicies() {
  const { t } = useTranslation();
  const showError = useApiErrors();
  const policies = useLoad(() => api.get<SlaPolicyRecord[]>('/sla/policies'), []);
  const [editing, setEditing] = useState<{ code: string; text: string } | null>(null);
  const limit = (l?: SlaLimit) => (l ? `${l.amount} ${t(`unit.${l.unit}`, { defaultValue: l.unit })}` : '—');
  const save = async () => {
    try {
      const definition: unknown = JSON.parse(editing!.text);
      await api.put(`/sla/policies/${editing!.code}`, definition);
      setEditing(null);
      policies.reload();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <>
      <Button
        style={{ marginBottom: 12 }}
        onClick={() =>
          setEditing({
            code: 'new-policy',
            text: JSON.stringify(
              {
                name: '',
                match: {},
                accept: { amount: 1, unit: 'workingDays' },
                reply: { amount: 5, unit: 'workingDays' },
                callback: { amount: 1, unit: 'workingDays' },
                countFrom: 'nextDayMidnight',
                warningRatio: 0.75,
                returnWindow: { amount: 2, unit: 'workingDays' },
                maxExtensionDays: 10,
                maxExtensions: 2,
              },
              null,
              2,
            ),
          })
        }
      >
        {t('admin.newPolicy')}
      </Button>
      <Table<SlaPolicyRecord>
        rowKey="code"
        size="small"
        dataSource={policies.data ?? []}
        pagination={false}
        columns={[
          { title: t('admin.code'), dataIndex: 'code' },
          { title: t('admin.name'), dataIndex: 'name' },
          {
            title: t('admin.match'),
            render: (_, p) => <Typography.Text code>{JSON.stringify(p.definition.match ?? {})}</Typography.Text>,
          },
          { title: t('sla.stage.accept'), render: (_, p) => limit(p.definition.accept) },
          { title: t('sla.stage.reply'), render: (_, p) => limit(p.definition.reply) },
          { title: t('sla.stage.callback'), render: (_, p) => limit(p.definition.callback) },
          {
            title: t('admin.active'),
            render: (_, p) => (p.active ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>),
          },
          {
            title: '',
            render: (_, p) => (
              <Space>
                <Button
                  size="small"
                  onClick={() => {
                    const { code: _c, ...rest } = p.definition;
                    setEditing({ code: p.code, text: JSON.stringify(rest, null, 2) });
                  }}
                >
                  {t('common.edit')}
                </Button>
                {p.active && (
                  <Popconfirm
                    title={t('admin.retireConfirm')}
                    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- Popconfirm awaits it (OK spins until it settles); its type says void.
                    onConfirm={() => api.delete(`/sla/policies/${p.code}`).then(policies.reload, showError)}
                  >
                    <Button size="small" danger>
                      {t('admin.retire')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        width={640}
        title={`${t('admin.policy')} · ${editing?.code}`}
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        okText={t('common.save')}
      >
        <Input
          value={editing?.code}
          onChange={(e) => setEditing((s) => s && { ...s, code: e.target.value })}
          style={{ marginBottom: 8 }}
        />
        <Input.TextArea
          value={editing?.text}
          onChange={(e) => setEditing((s) => s && { ...s, text: e.target.value })}
          rows={16}
          style={{ fontFamily: 'monospace' }}
        />
      </Modal>
    </>
  );
}

function HolidayOverrides() {
  const { t } = useTranslation();
  const showError = useApiErrors();
  const overrides = useLoad(() => api.get<HolidayOverride[]>('/calendar/overrides'), []);
  const [form] = Form.useForm<OverrideInput>();
  // Never rejects (failures go to showError), so the form may fire it and forget it.
  const add = async (values: OverrideInput) => {
    try {
      await api.put(`/calendar/overrides/${values.date.format('YYYY-MM-DD')}`, {
        working: !!values.working,
        note: values.note ?? '',
      });
      form.resetFields();
      overrides.reload();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <>
      <Form form={form} layout="inline" onFinish={(values) => void add(values)} style={{ marginBottom: 12 }}>
        <Form.Item name="date" rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="working" valuePropName="checked" label={t('admin.working')}>
          <Switch />
        </Form.Item>
        <Form.Item name="note">
          <Input placeholder={t('action.field.note')} />
        </Form.Item>
        <Button htmlType="submit" type="primary">
          {t('common.save')}
        </Button>
      </Form>
      <Table<HolidayOverride>
        rowKey="date"
        size="small"
        dataSource={overrides.data ?? []}
        pagination={false}
        columns={[
          { title: t('admin.date'), dataIndex: 'date' },
          {
            title: t('admin.working'),
            render: (_, o) =>
              o.working ? <Tag color="blue">{t('admin.workday')}</Tag> : <Tag color="red">{t('admin.dayOff')}</Tag>,
          },
          { title: t('action.field.note'), dataIndex: 'note' },
          // The click starts the request and forgets it; its failure goes to showError.
          {
            title: '',
            render: (_, o) => (
              <Button
                size="small"
                danger
                onClick={() => void api.delete(`/calendar/overrides/${o.date}`).then(overrides.reload, showError)}
              >
                {t('common.delete')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}

function ApiKeys() {
  const { t } = useTranslation();
  const showError = useApiErrors();
  const { modal } = App.useApp();
  const clients = useLoad(() => api.get<Open311Client[]>('/open311/clients'), []);
  const [form] = Form.useForm<ClientInput>();
  const showKey = (key: string) =>
    modal.info({
      title: t('admin.keyOnce'),
      content: (
        <Typography.Text code copyable>
          {key}
        </Typography.Text>
      ),
    });
  // Never rejects (failures go to showError), so the form may fire it and forget it.
  const create = async (values: ClientInput) => {
    try {
      const created = await api.post<{ apiKey: string }>('/open311/clients', values);
      showKey(created.apiKey);
      form.resetFields();
      clients.reload();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <>
      <Form form={form} layout="inline" onFinish={(values) => void create(values)} style={{ marginBottom: 12 }}>
        <Form.Item name="code" rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{1,23}$/ }]}>
          <Input placeholder={t('admin.code')} />
        </Form.Item>
        <Form.Item name="name" rules={[{ required: true }]}>
          <Input placeholder={t('admin.name')} />
        </Form.Item>
        <Form.Item name="rateLimitPerMinute">
          <InputNumber min={1} max={10000} placeholder={t('admin.rateLimit')} style={{ width: 140 }} />
        </Form.Item>
        <Button htmlType="submit" type="primary">
          {t('admin.newClient')}
        </Button>
      </Form>
      <Table<Open311Client>
        rowKey="id"
        size="small"
        dataSource={clients.data ?? []}
        pagination={false}
        columns={[
          { title: t('admin.code'), dataIndex: 'code' },
          { title: t('admin.name'), dataIndex: 'name' },
          { title: t('admin.keyPrefix'), dataIndex: 'keyPrefix', render: (v) => <Typography.Text code>{v}…</Typography.Text> },
          { title: t('admin.rateLimit'), dataIndex: 'rateLimitPerMinute' },
          {
            title: t('admin.active'),
            render: (_, c) => (c.active ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('admin.revoked')}</Tag>),
          },
          {
            title: '',
            render: (_, c) =>
              c.active && (
                <Space>
                  {/* The click starts the request and forgets it; its failure goes to showError. */}
                  <Button
                    size="small"
                    onClick={() =>
                      void api.post<{ apiKey: string }>(`/open311/clients/${c.id}/rotate-key`).then((r) => {
                        showKey(r.apiKey);
                        clients.reload();
                      }, showError)
                    }
                  >
                    {t('admin.rotate')}
                  </Button>
                  <Popconfirm
                    title={t('admin.revokeConfirm')}
                    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- Popconfirm awaits it (OK spins until it settles); its type says void.
                    onConfirm={() => api.post(`/open311/clients/${c.id}/revoke`).then(clients.reload, showError)}
                  >
                    <Button size="small" danger>
                      {t('admin.revoke')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
    </>
  );
}

/** The calendar's state: a warning while deadlines reach a year without an official holiday arrangement. */
function CalendarBanner() {
  const { t } = useTranslation();
  const status = useLoad(() => api.get<CalendarStatus>('/calendar/status'), []);
  const s = status.data;
  if (!s || s.status === 'ok') return null;
  const message = [
    s.predictedYears.length ? t('admin.calendarDegraded', { years: s.predictedYears.join(', ') }) : null,
    s.lawYears.length ? t('admin.calendarLaw', { years: s.lawYears.join(', ') }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <div data-calendar={s.status} style={{ marginBottom: 12 }}>
      <Alert type="warning" showIcon banner message={message} />
    </div>
  );
}

/** 管理: what the API lets an admin manage; read-only or a note where it has no endpoint for it yet. */
export default function Admin() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const tab = location.pathname.split('/')[2] || 'departments';
  // An imported notice can end the calendar's warning: the banner reads the state again.
  const [calendarVersion, setCalendarVersion] = useState(0);
  return (
    <Card title={t('nav.admin')}>
      <CalendarBanner key={calendarVersion} />
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(`/admin/${key}`)}
        destroyInactiveTabPane
        items={[
          { key: 'departments', label: t('admin.departments'), children: <Departments /> },
          { key: 'users', label: t('admin.users'), children: <Users /> },
          {
            key: 'categories',
            label: t('admin.categories'),
            children: <Categories />,
          },
          { key: 'routing', label: t('admin.routing'), children: <RoutingRules /> },
          { key: 'sla', label: t('admin.sla'), children: <SlaPolicies /> },
          {
            key: 'holidays',
            label: t('admin.holidays'),
            children: (
              <>
                <HolidayNotices onImported={() => setCalendarVersion((v) => v + 1)} />
                <HolidayOverrides />
              </>
            ),
          },
          { key: 'addresses', label: t('admin.addresses'), children: <Addresses /> },
          { key: 'enterprises', label: t('admin.enterprises'), children: <Enterprises /> },
          { key: 'knowledge', label: t('admin.knowledge'), children: <Knowledge /> },
          { key: 'keys', label: t('admin.keys'), children: <ApiKeys /> },
        ]}
      />
    </Card>
  );
}
