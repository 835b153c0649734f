import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, DepartmentAdmin } from '../../api';
import { useApiErrors } from '../../components/CaseActions';
import ReviewSettingsButton from '../../components/ReviewSettingsButton';
import { useLoad } from '../../hooks';
import { reference } from '../../reference';
import WebhookButton from './WebhookButton';

type Editing = { kind: 'new' } | { kind: 'rename' | 'retire' | 'merge'; department: DepartmentAdmin };
interface DepartmentInput {
  code?: string;
  name?: string;
  nameEn?: string;
  type?: 'bureau' | 'street';
  reason?: string;
  into?: string;
}

/**
 * 部门: every department, retired ones too, with what still depends on each (open cases, users, rules);
 * create, rename, retire (refused while anything depends on it) or merge into another (its open cases,
 * users and rules move with it). The webhook and reply review settings stay per department.
 */
export default function Departments() {
  const { t } = useTranslation();
  const showError = useApiErrors();
  const { message } = App.useApp();
  const departments = useLoad(() => api.get<DepartmentAdmin[]>('/admin/departments'), []);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [form] = Form.useForm<DepartmentInput>();
  const active = (departments.data ?? []).filter((d) => d.active);

  const open = (next: Editing) => {
    setEditing(next);
    form.resetFields();
    if (next.kind === 'rename')
      form.setFieldsValue({ name: next.department.name, nameEn: next.department.nameEn, type: next.department.type });
  };
  const save = async () => {
    const values = await form.validateFields();
    try {
      if (editing?.kind === 'new') await api.post('/admin/departments', values);
      else if (editing?.kind === 'rename')
        await api.patch(`/admin/departments/${editing.department.code}`, {
          name: values.name,
          nameEn: values.nameEn,
          type: values.type,
        });
      else if (editing?.kind === 'retire')
        await api.post(`/admin/departments/${editing.department.code}/retire`, { reason: values.reason });
      else if (editing?.kind === 'merge')
        await api.post(`/admin/departments/${editing.department.code}/merge`, { into: values.into, reason: values.reason });
      void message.success(t('common.saved'));
      setEditing(null);
      reference.forget();
      departments.reload();
    } catch (e) {
      showError(e);
    }
  };
  const title =
    editing?.kind === 'new'
      ? t('refAdmin.newDepartment')
      : editing
        ? `${t(`refAdmin.${editing.kind}`)} · ${editing.department.name}`
        : '';

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" data-new-department onClick={() => open({ kind: 'new' })}>
          {t('refAdmin.newDepartment')}
        </Button>
      </Space>
      <Table<DepartmentAdmin>
        rowKey="code"
        size="small"
        loading={departments.loading}
        dataSource={departments.data ?? []}
        pagination={false}
        columns={[
          { title: t('admin.code'), dataIndex: 'code' },
          { title: t('admin.name'), dataIndex: 'name' },
          { title: 'English', dataIndex: 'nameEn' },
          { title: t('admin.type'), dataIndex: 'type', render: (v: string) => t(`refAdmin.type.${v}`) },
          {
            title: t('refAdmin.state'),
            render: (_, d) =>
              d.active ? (
                <Tag color="green">{t('admin.active')}</Tag>
              ) : (
                <Tag>{d.mergedInto ? t('refAdmin.mergedInto', { into: d.mergedInto }) : t('refAdmin.retired')}</Tag>
              ),
          },
          { title: t('refAdmin.openCases'), dataIndex: 'openCases' },
          { title: t('refAdmin.users'), dataIndex: 'activeUsers' },
          { title: t('refAdmin.rules'), dataIndex: 'ruleCodes', render: (v: string[]) => v.join(', ') || '—' },
          {
            title: '',
            render: (_, d) =>
              d.active && (
                <Space size={4} wrap data-department={d.code}>
                  <Button size="small" data-rename onClick={() => open({ kind: 'rename', department: d })}>
                    {t('refAdmin.rename')}
                  </Button>
                  <Button size="small" data-retire onClick={() => open({ kind: 'retire', department: d })}>
                    {t('refAdmin.retire')}
                  </Button>
                  <Button size="small" data-merge onClick={() => open({ kind: 'merge', department: d })}>
                    {t('refAdmin.merge')}
                  </Button>
                  <WebhookButton code={d.code} />
                  <ReviewSettingsButton code={d.code} />
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={title}
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        okText={t('common.save')}
        destroyOnClose
      >
        <Form form={form} layout="vertical" preserve={false}>
          {editing?.kind === 'new' && (
            <Form.Item name="code" label={t('admin.code')} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9.-]{0,63}$/ }]}>
              <Input autoComplete="off" />
            </Form.Item>
          )}
          {(editing?.kind === 'new' || editing?.kind === 'rename') && (
            <>
              <Form.Item name="name" label={t('admin.name')} rules={[{ required: true, max: 120 }]}>
                <Input />
              </Form.Item>
              <Form.Item name="nameEn" label="English" rules={[{ required: true, max: 160 }]}>
                <Input />
              </Form.Item>
              <Form.Item name="type" label={t('admin.type')} rules={[{ required: true }]}>
                <Select options={['bureau', 'street'].map((v) => ({ value: v, label: t(`refAdmin.type.${v}`) }))} />
              </Form.Item>
            </>
          )}
          {editing?.kind === 'merge' && (
            <Form.Item name="into" label={t('refAdmin.into')} extra={t('refAdmin.mergeHelp')} rules={[{ required: true }]}>
              <Select
                showSearch
                optionFilterProp="label"
                options={active.filter((d) => d.code !== editing.department.code).map((d) => ({ value: d.code, label: d.name }))}
              />
            </Form.Item>
          )}
          {(editing?.kind === 'retire' || editing?.kind === 'merge') && (
            <Form.Item name="reason" label={t('refAdmin.reason')} rules={[{ required: true, max: 500 }]}>
              <Input />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
