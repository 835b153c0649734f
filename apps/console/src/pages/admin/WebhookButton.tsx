import { useState } from 'react';
import { App, Button, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useApiErrors } from '../../components/CaseActions';

/** A department's notification webhook (推送地址): set, replace or remove, in a dialog. */
export default function WebhookButton({ code }: { code: string }) {
  const { t } = useTranslation();
  const showError = useApiErrors();
  const { message } = App.useApp();
  const [webhook, setWebhook] = useState<{ url: string | null } | null>(null);
  const [form] = Form.useForm<{ url: string; secret: string }>();
  const open = async () => {
    try {
      const current = await api.get<{ url: string | null }>(`/departments/${code}/webhook`);
      setWebhook({ url: current.url });
      form.setFieldsValue({ url: current.url ?? '', secret: '' });
    } catch (e) {
      showError(e);
    }
  };
  const save = async () => {
    const values = await form.validateFields();
    try {
      await api.put(`/departments/${code}/webhook`, values);
      void message.success(t('common.saved'));
      setWebhook(null);
    } catch (e) {
      showError(e);
    }
  };
  const remove = async () => {
    try {
      await api.delete(`/departments/${code}/webhook`);
      setWebhook(null);
    } catch (e) {
      showError(e);
    }
  };
  return (
    <>
      <Button size="small" onClick={() => void open()}>
        {t('admin.webhook')}
      </Button>
      <Modal
        open={!!webhook}
        title={`${t('admin.webhook')} · ${code}`}
        onCancel={() => setWebhook(null)}
        onOk={() => void save()}
        okText={t('common.save')}
        footer={(_, { OkBtn, CancelBtn }) => (
          <>
            {webhook?.url && (
              <Button danger onClick={() => void remove()}>
                {t('common.delete')}
              </Button>
            )}
            <CancelBtn />
            <OkBtn />
          </>
        )}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="url" label="URL" rules={[{ required: true, type: 'url' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="secret" label={t('admin.secret')} rules={[{ required: true, min: 16 }]}>
            <Input.Password />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
