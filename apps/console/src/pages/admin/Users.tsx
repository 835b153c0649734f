import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEPARTMENT_ROLES, ROLES, type Role } from '@hotline/auth/values';
import { api, UserPage, UserRecord } from '../../api';
import { useApiErrors } from '../../components/CaseActions';
import { useLoad } from '../../hooks';
import { reference } from '../../reference';

interface UserInput {
  username: string;
  displayName: string;
  role: Role;
  departmentCode?: string | null;
  gridCodes?: string[];
  password?: string;
}

const isDepartmentRole = (role: Role | undefined) => !!role && (DEPARTMENT_ROLES as readonly Role[]).includes(role);

/** 用户: list with the API's filters, create, edit (role, department, grids, password reset), disable and enable. */
export default function Users() {
  const { t } = useTranslation();
  const showError = useApiErrors();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<{ role?: string; department?: string; active?: string; page: number }>({ page: 1 });
  const users = useLoad(() => api.get<UserPage>('/users', { ...filters, pageSize: 20 }), [JSON.stringify(filters)]);
  const departments = useLoad(() => reference.departments(), []);
  const grids = useLoad(() => reference.grids(), []);
  const [editing, setEditing] = useState<UserRecord | 'new' | null>(null);
  const [form] = Form.useForm<UserInput>();
  const role = Form.useWatch('role', form);

  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
  const departmentOptions = (departments.data ?? []).map((d) => ({ value: d.code, label: d.name }));
  const gridOptions = (grids.data ?? []).map((g) => ({ value: g.code, label: `${g.name} (${g.code})` }));

  const open = (user: UserRecord | 'new') => {
    setEditing(user);
    form.resetFields();
    if (user !== 'new')
      form.setFieldsValue({
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        departmentCode: user.departmentCode,
        gridCodes: user.gridCodes,
      });
  };
  const save = async () => {
    const values = await form.validateFields();
    const body: Record<string, unknown> = {
      username: values.username,
      displayName: values.displayName,
      role: values.role,
      departmentCode: isDepartmentRole(values.role) ? values.departmentCode : undefined,
      gridCodes: values.role === 'gridWorker' ? (values.gridCodes ?? []) : [],
    };
    if (values.password) body.password = values.password;
    try {
      if (editing === 'new') await api.post<UserRecord>('/users', body);
      else await api.patch<UserRecord>(`/users/${editing!.id}`, { ...body, departmentCode: body.departmentCode ?? null });
      void message.success(t('common.saved'));
      setEditing(null);
      users.reload();
    } catch (e) {
      showError(e);
    }
  };
  const setActive = (user: UserRecord, active: boolean) =>
    api.patch(`/users/${user.id}`, { active }).then(users.reload, showError);

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('admin.role')}
          style={{ width: 150 }}
          options={roleOptions}
          onChange={(v?: string) => setFilters((f) => ({ ...f, role: v, page: 1 }))}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('admin.department')}
          data-filter="department"
          style={{ width: 220 }}
          options={departmentOptions}
          onChange={(v?: string) => setFilters((f) => ({ ...f, department: v, page: 1 }))}
        />
        <Select
          allowClear
          placeholder={t('admin.active')}
          style={{ width: 120 }}
          options={[
            { value: 'true', label: t('admin.active') },
            { value: 'false', label: t('admin.disabled') },
          ]}
          onChange={(v?: string) => setFilters((f) => ({ ...f, active: v, page: 1 }))}
        />
        <Button type="primary" data-new-user onClick={() => open('new')}>
          {t('admin.newUser')}
        </Button>
      </Space>
      <Table<UserRecord>
        rowKey="id"
        size="small"
        loading={users.loading}
        dataSource={users.data?.items ?? []}
        pagination={{
          current: filters.page,
          pageSize: 20,
          total: users.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (page) => setFilters((f) => ({ ...f, page })),
        }}
        columns={[
          { title: t('login.username'), dataIndex: 'username' },
          { title: t('admin.name'), dataIndex: 'displayName' },
          { title: t('admin.role'), dataIndex: 'role', render: (r: string) => t(`role.${r}`) },
          { title: t('admin.department'), dataIndex: 'departmentName', render: (v: string | null) => v ?? '—' },
          { title: t('admin.grids'), dataIndex: 'gridCodes', render: (v: string[]) => v.join(', ') || '—' },
          {
            title: t('admin.active'),
            render: (_, u) => (
              <Space size={4}>
                {u.active ? <Tag color="green">{t('admin.active')}</Tag> : <Tag>{t('admin.disabled')}</Tag>}
                {u.mustChangePassword && <Tag color="orange">{t('admin.mustChange')}</Tag>}
              </Space>
            ),
          },
          {
            title: '',
            render: (_, u) => (
              <Space>
                <Button size="small" data-edit-user={u.username} onClick={() => open(u)}>
                  {t('admin.edit')}
                </Button>
                {u.active ? (
                  <Popconfirm
                    title={t('admin.disableConfirm')}
                    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- Popconfirm awaits it (OK spins until it settles); its type says void.
                    onConfirm={() => setActive(u, false)}
                  >
                    <Button size="small" danger data-disable-user={u.username}>
                      {t('admin.disable')}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button size="small" onClick={() => void setActive(u, true)}>
                    {t('admin.enable')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={editing === 'new' ? t('admin.newUser') : `${t('admin.edit')} · ${editing?.username ?? ''}`}
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        okText={t('common.save')}
        destroyOnClose
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9._-]{1,63}$/ }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('admin.name')} rules={[{ required: true, max: 120 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t('admin.role')} rules={[{ required: true }]}>
            <Select options={roleOptions} />
          </Form.Item>
          {isDepartmentRole(role) && (
            <Form.Item name="departmentCode" label={t('admin.department')} rules={[{ required: true }]}>
              <Select showSearch optionFilterProp="label" options={departmentOptions} />
            </Form.Item>
          )}
          {role === 'gridWorker' && (
            <Form.Item name="gridCodes" label={t('admin.grids')} rules={[{ required: true }]}>
              <Select mode="multiple" optionFilterProp="label" options={gridOptions} />
            </Form.Item>
          )}
          <Form.Item
            name="password"
            label={editing === 'new' ? t('login.password') : t('admin.resetPassword')}
            extra={t('admin.passwordRule')}
            rules={[{ required: editing === 'new', min: 10 }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
