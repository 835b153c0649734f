import { useMemo, useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ENTERPRISE_INDUSTRIES } from '@hotline/enterprises/values';
import { api, EnterpriseInput, UserPage } from '../../api';
import { useApiErrors } from '../../components/CaseActions';
import { useLoad } from '../../hooks';
import { placesOf, reference } from '../../reference';

/** The API's industries and the shared list stay one: the type check fails if they drift apart. */
const INDUSTRIES = ENTERPRISE_INDUSTRIES satisfies readonly EnterpriseInput['industry'][];

/** One enterprise as GET /api/v1/enterprises answers (the service's EnterpriseView). */
interface EnterpriseRecord {
  id: string;
  uscc: string;
  name: string;
  industry: EnterpriseInput['industry'];
  street: { code: string; name: string } | null;
  contact: { name: string; phone: string };
  responsibleUser: { id: string; username: string; displayName: string } | null;
}

/**
 * 企业库: admins find an enterprise by name or USCC, register one and correct one, choosing its
 * responsible leader (包联领导) from the users. The API checks the USCC and audits each change.
 */
export default function Enterprises() {
  const { t } = useTranslation();
  const showError = useApiErrors();
  const { message } = App.useApp();
  const [version, setVersion] = useState(0);
  const [query, setQuery] = useState('');
  const list = useLoad(() => api.get<EnterpriseRecord[]>('/enterprises'), [version]);
  const users = useLoad(() => api.get<UserPage>('/users', { active: true, pageSize: 100 }), []);
  const grids = useLoad(() => reference.grids(), []);
  const streets = useMemo(() => placesOf(grids.data ?? []).streets, [grids.data]);
  const [editing, setEditing] = useState<EnterpriseRecord | 'new' | null>(null);
  const [form] = Form.useForm<EnterpriseInput>();

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const all = list.data ?? [];
    return q ? all.filter((e) => e.name.toLowerCase().includes(q) || e.uscc.toLowerCase().includes(q)) : all;
  }, [list.data, query]);

  const open = (item: EnterpriseRecord | 'new') => {
    form.resetFields();
    if (item !== 'new') {
      form.setFieldsValue({
        uscc: item.uscc,
        name: item.name,
        industry: item.industry,
        streetCode: item.street?.code,
        contactName: item.contact.name,
        contactPhone: item.contact.phone,
        responsibleUserId: item.responsibleUser?.id,
      });
    }
    setEditing(item);
  };
  const save = async () => {
    const values = await form.validateFields();
    try {
      if (editing === 'new') await api.post('/enterprises', values);
      else {
        const { uscc: _uscc, ...changes } = values;
        await api.patch(`/enterprises/${editing!.uscc}`, { ...changes, responsibleUserId: changes.responsibleUserId ?? null });
      }
      void message.success(t('common.saved'));
      setEditing(null);
      setVersion((v) => v + 1);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Input.Search
          data-testid="enterprise-search"
          placeholder={t('admin.enterpriseSearch')}
          allowClear
          onSearch={(q) => setQuery(q.slice(0, 200))}
          onChange={(e) => setQuery(e.target.value.slice(0, 200))}
          style={{ width: 320 }}
        />
        <Button data-testid="enterprise-new" onClick={() => open('new')}>
          {t('admin.newEnterprise')}
        </Button>
      </Space>
      <Table<EnterpriseRecord>
        rowKey="uscc"
        size="small"
        loading={list.loading}
        dataSource={shown}
        pagination={{ pageSize: 20 }}
        onRow={(e) => ({ 'data-enterprise-row': e.uscc }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('admin.uscc'), dataIndex: 'uscc', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('admin.name'), dataIndex: 'name' },
          { title: t('admin.industry'), render: (_, e) => t(`admin.industries.${e.industry}`) },
          { title: t('admin.street'), render: (_, e) => e.street?.name ?? '—' },
          { title: t('admin.responsibleLeader'), render: (_, e) => e.responsibleUser?.displayName ?? '—' },
          {
            title: '',
            render: (_, e) => (
              <Button size="small" data-testid="enterprise-edit" onClick={() => open(e)}>
                {t('admin.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('admin.newEnterprise') : t('admin.edit')}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        okButtonProps={{ 'data-testid': 'enterprise-save' }}
        destroyOnClose
      >
        <Form form={form} layout="vertical">
          <Form.Item name="uscc" label={t('admin.uscc')} rules={[{ required: true, len: 18 }]}>
            <Input data-testid="enterprise-uscc" disabled={editing !== 'new'} maxLength={18} />
          </Form.Item>
          <Form.Item name="name" label={t('admin.name')} rules={[{ required: true, min: 2, max: 200 }]}>
            <Input data-testid="enterprise-name" />
          </Form.Item>
          <Form.Item name="industry" label={t('admin.industry')} rules={[{ required: true }]}>
            <Select
              data-testid="enterprise-industry"
              options={INDUSTRIES.map((i) => ({ value: i, label: t(`admin.industries.${i}`) }))}
            />
          </Form.Item>
          <Form.Item name="streetCode" label={t('admin.street')}>
            <Select allowClear options={streets.map((s) => ({ value: s.code, label: s.name }))} />
          </Form.Item>
          <Space>
            <Form.Item name="contactName" label={t('admin.contactName')} rules={[{ required: true, max: 60 }]}>
              <Input data-testid="enterprise-contact-name" />
            </Form.Item>
            <Form.Item name="contactPhone" label={t('admin.contactPhone')} rules={[{ required: true, max: 20 }]}>
              <Input data-testid="enterprise-contact-phone" />
            </Form.Item>
          </Space>
          <Form.Item name="responsibleUserId" label={t('admin.responsibleLeader')}>
            <Select
              data-testid="enterprise-leader"
              allowClear
              showSearch
              optionFilterProp="label"
              options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
