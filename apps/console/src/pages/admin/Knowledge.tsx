import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, KnowledgeEntryAdmin } from '../../api';
import { useApiErrors } from '../../components/CaseActions';
import { useLoad } from '../../hooks';

type Editing = { kind: 'new' } | { kind: 'edit'; entry: KnowledgeEntryAdmin };
interface EntryInput {
  code?: string;
  categoryCode: string;
  question: string;
  answer: string;
  keywords?: string[];
}

/**
 * 知识库: every answer operators give consultations, retired ones last, with how often each was given
 * as a direct answer; add, correct and retire (each change audited by the API).
 */
export default function Knowledge() {
  const { t } = useTranslation();
  const showError = useApiErrors();
  const { message } = App.useApp();
  const entries = useLoad(() => api.get<KnowledgeEntryAdmin[]>('/admin/knowledge'), []);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [form] = Form.useForm<EntryInput>();

  // The modal's form stays mounted (forceRender), so it can be filled before the modal shows.
  const open = (next: Editing) => {
    setEditing(next);
    form.resetFields();
    if (next.kind === 'edit') {
      const { categoryCode, question, answer, keywords } = next.entry;
      form.setFieldsValue({ categoryCode, question, answer, keywords });
    }
  };
  const save = async () => {
    const values = await form.validateFields();
    const content = { ...values, keywords: values.keywords ?? [] };
    try {
      if (editing?.kind === 'new') await api.post('/admin/knowledge', content);
      else if (editing?.kind === 'edit') {
        const { code: _code, ...change } = content;
        await api.patch(`/admin/knowledge/${editing.entry.id}`, change);
      }
      void message.success(t('common.saved'));
      setEditing(null);
      entries.reload();
    } catch (e) {
      showError(e);
    }
  };
  const retire = (e: KnowledgeEntryAdmin) =>
    api.post(`/admin/knowledge/${e.id}/retire`, {}).then(() => entries.reload(), showError);

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" data-new-entry onClick={() => open({ kind: 'new' })}>
          {t('knowledge.newEntry')}
        </Button>
      </Space>
      <Table<KnowledgeEntryAdmin>
        rowKey="id"
        size="small"
        loading={entries.loading}
        dataSource={entries.data ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('admin.code'), dataIndex: 'id' },
          { title: t('knowledge.question'), dataIndex: 'question' },
          { title: t('knowledge.category'), dataIndex: 'categoryCode' },
          { title: t('knowledge.uses'), dataIndex: 'useCount', sorter: (a, b) => a.useCount - b.useCount },
          {
            title: t('refAdmin.state'),
            render: (_, e) => (e.active ? <Tag color="green">{t('admin.active')}</Tag> : <Tag>{t('refAdmin.retired')}</Tag>),
          },
          {
            title: '',
            render: (_, e) =>
              e.active && (
                <Space size={4} data-entry={e.id}>
                  <Button size="small" data-edit onClick={() => open({ kind: 'edit', entry: e })}>
                    {t('admin.edit')}
                  </Button>
                  <Popconfirm
                    title={t('knowledge.retireConfirm')}
                    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- Popconfirm awaits it (OK spins until it settles); its type says void.
                    onConfirm={() => retire(e)}
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
        title={editing?.kind === 'edit' ? `${t('admin.edit')} · ${editing.entry.id}` : t('knowledge.newEntry')}
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        okText={t('common.save')}
        forceRender
      >
        <Form form={form} layout="vertical">
          {editing?.kind === 'new' && (
            <Form.Item name="code" label={t('admin.code')} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{0,79}$/ }]}>
              <Input autoComplete="off" />
            </Form.Item>
          )}
          <Form.Item name="categoryCode" label={t('knowledge.category')} rules={[{ required: true, max: 80 }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="question" label={t('knowledge.question')} rules={[{ required: true, max: 500 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="answer" label={t('knowledge.answer')} rules={[{ required: true, max: 5000 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="keywords" label={t('knowledge.keywords')}>
            <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
