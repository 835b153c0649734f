import { useState } from 'react';
import { App, Button, Form, Modal, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ReviewSettings } from '../api';
import { useApiErrors } from './CaseActions';

/**
 * 办结审核 of one department (GET/PUT /departments/{code}/review-settings): whether its lead approves every
 * reply first, and whether the centre reviews it before the callback. The button shows the current steps.
 */
export default function ReviewSettingsButton({ code }: { code: string }) {
  const { t } = useTranslation();
  const showError = useApiErrors();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Omit<ReviewSettings, 'department'>>();
  const show = async () => {
    try {
      const current = await api.get<ReviewSettings>(`/departments/${code}/review-settings`);
      form.setFieldsValue({ leadApproval: current.leadApproval, centreReview: current.centreReview });
      setOpen(true);
    } catch (e) {
      showError(e);
    }
  };
  const save = async () => {
    const values = await form.validateFields();
    try {
      await api.put(`/departments/${code}/review-settings`, {
        leadApproval: !!values.leadApproval,
        centreReview: !!values.centreReview,
      });
      void message.success(t('common.saved'));
      setOpen(false);
    } catch (e) {
      showError(e);
    }
  };
  return (
    <>
      <Button size="small" data-review-settings={code} onClick={() => void show()}>
        {t('admin.replyReview')}
      </Button>
      <Modal
        open={open}
        title={`${t('admin.replyReview')} · ${code}`}
        onCancel={() => setOpen(false)}
        onOk={() => void save()}
        okText={t('common.save')}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="leadApproval" label={t('admin.leadApproval')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="centreReview" label={t('admin.centreReview')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
