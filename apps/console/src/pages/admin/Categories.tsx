import { useState } from 'react';
import { App, Button, Checkbox, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, CategoryAdmin } from '../../api';
import { useApiErrors } from '../../components/CaseActions';
import { useLoad } from '../../hooks';
import { reference } from '../../reference';

type Editing = { kind: 'new' } | { kind: 'edit'; category: CategoryAdmin };
interface CategoryInput {
  code?: string;
  name?: string;
  nameEn?: string;
  parentCode?: string | null;
  toDispatcher?: boolean;
}
/** The top level, as the parent select offers it (a select cannot hold null). */
const TOP = '__top__';

/**
 * 分类: the tree, retired categories too, with the cases filed under each; add, rename, move (under
 * another group or to the top level) and retire. A change that leaves a category no rule routes is
 * refused unless "to the dispatchers" acknowledges it.
 */
export default function Categories() {
  const { t, i18n } = useTranslation();
  const showError = useApiErrors();
  const { message } = App.useApp();
  const categories = useLoad(() => api.get<CategoryAdmin[]>('/admin/categories'), []);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [form] = Form.useForm<CategoryInput>();
  const english = i18n.language === 'en';
  const label = (c: CategoryAdmin) => `${english ? c.nameEn : c.name} (${c.code})`;
  const parents = (categories.data ?? []).filter((c) => c.active && c.cases === 0);

  const open = (next: Editing) => {
    setEditing(next);
    form.resetFields();
    if (next.kind === 'edit')
      form.setFieldsValue({
        name: next.category.name,
        nameEn: next.category.nameEn,
        parentCode: next.category.parentCode ?? TOP,
      });
  };
  const save = async () => {
    const values = await form.validateFields();
    const parentCode = values.parentCode === TOP || values.parentCode === undefined ? null : values.parentCode;
    try {
      if (editing?.kind === 'new') {
        await api.post('/admin/categories', { ...values, parentCode, toDispatcher: values.toDispatcher ?? false });
      } else if (editing?.kind === 'edit') {
        const moved = parentCode !== editing.category.parentCode;
        await api.patch(`/admin/categories/${editing.category.code}`, {
          name: values.name,
          nameEn: values.nameEn,
          ...(moved ? { parentCode } : {}),
          toDispatcher: values.toDispatcher ?? false,
        });
      }
      void message.success(t('common.saved'));
      setEditing(null);
      reference.forget();
      categories.reload();
    } catch (e) {
      showError(e);
    }
  };
  const retire = (c: CategoryAdmin) =>
    api.post(`/admin/categories/${c.code}/retire`).then(() => {
      reference.forget();
      categories.reload();
    }, showError);

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" data-new-category onClick={() => open({ kind: 'new' })}>
          {t('refAdmin.newCategory')}
        </Button>
      </Space>
      <Table<CategoryAdmin>
        rowKey="code"
        size="small"
        loading={categories.loading}
        dataSource={categories.data ?? []}
        pagination={false}
        columns={[
          {
            title: t('admin.name'),
            render: (_, c) => <span style={{ paddingLeft: (c.path.length - 1) * 20 }}>{english ? c.nameEn : c.name}</span>,
          },
          { title: t('admin.code'), dataIndex: 'code' },
          { title: t('refAdmin.cases'), dataIndex: 'cases' },
          {
            title: t('refAdmin.state'),
            render: (_, c) => (c.active ? <Tag color="green">{t('admin.active')}</Tag> : <Tag>{t('refAdmin.retired')}</Tag>),
          },
          {
            title: '',
            render: (_, c) =>
              c.active && (
                <Space size={4} data-category={c.code}>
                  <Button size="small" data-edit onClick={() => open({ kind: 'edit', category: c })}>
                    {t('admin.edit')}
                  </Button>
                  <Popconfirm
                    title={t('refAdmin.retireCategoryConfirm')}
                    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- Popconfirm awaits it (OK spins until it settles); its type says void.
                    onConfirm={() => retire(c)}
                  >
                    <Button size="small" danger data-retire>
                      {t('refAdmin.retire')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={editing?.kind === 'edit' ? `${t('admin.edit')} · ${editing.category.code}` : t('refAdmin.newCategory')}
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        okText={t('common.save')}
        destroyOnClose
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={{ parentCode: TOP }}>
          {editing?.kind === 'new' && (
            <Form.Item name="code" label={t('admin.code')} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9.-]{0,63}$/ }]}>
              <Input autoComplete="off" />
            </Form.Item>
          )}
          <Form.Item name="name" label={t('admin.name')} rules={[{ required: true, max: 120 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="nameEn" label="English" rules={[{ required: true, max: 160 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="parentCode" label={t('refAdmin.parent')}>
            <Select
              showSearch
              optionFilterProp="label"
              data-parent
              options={[
                { value: TOP, label: t('refAdmin.topLevel') },
                ...parents
                  .filter((c) => editing?.kind !== 'edit' || !c.path.includes(editing.category.code))
                  .map((c) => ({ value: c.code, label: label(c) })),
              ]}
            />
          </Form.Item>
          <Form.Item name="toDispatcher" valuePropName="checked" extra={t('refAdmin.toDispatcherHelp')}>
            <Checkbox>{t('refAdmin.toDispatcher')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
