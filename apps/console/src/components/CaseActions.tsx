import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { SUSPENSION_DECISIONS, SUSPENSION_REASONS } from '@hotline/cases/values';
import { AllowedActions, api, ApiError, CasePage, ExtensionRequest } from '../api';
import { useLoad } from '../hooks';
import { reference } from '../reference';

/** The state machine's action names and the endpoint each posts to (POST /api/v1/cases/{id}/<path>). */
const PATHS: Record<string, string> = {
  dispatch: 'dispatch',
  accept: 'accept',
  return: 'return',
  rejectReturn: 'reject-return',
  requestExtension: 'extension-requests',
  approveExtension: 'extension-requests/{rid}/approve',
  rejectExtension: 'extension-requests/{rid}/reject',
  progress: 'progress',
  reply: 'reply',
  leadReview: 'lead-review',
  review: 'review',
  reopen: 'reopen',
  directAnswer: 'direct-answer',
  callback: 'callback',
  callbackAttempt: 'callback-attempt',
  close: 'close',
  merge: 'merge',
  supervise: 'supervise',
  urge: 'urge',
  suspend: 'suspend',
  decideSuspension: 'suspension-decision',
  resume: 'resume',
};

/** Actions that need nothing typed: done on click. */
const IMMEDIATE = new Set(['accept']);
const PRIMARY = new Set([
  'accept',
  'reply',
  'callback',
  'approveExtension',
  'dispatch',
  'leadReview',
  'review',
  'decideSuspension',
]);

/** Shows a refusal from the API with the field problems it names. */
export function useApiErrors() {
  const { message } = App.useApp();
  return (error: unknown) => {
    if (error instanceof ApiError) {
      const details = error.details.map((d) => `${d.field}: ${d.reason}`).join('; ');
      void message.error(details ? `${error.message} (${details})` : error.message);
    } else void message.error(String(error));
  };
}

function ActionFields({ action }: { action: string }) {
  const { t } = useTranslation();
  const departments = useLoad(() => (action === 'dispatch' ? reference.departments() : Promise.resolve([])), [action]);
  const departmentOptions = (departments.data ?? []).map((d) => ({ value: d.code, label: d.name }));
  switch (action) {
    case 'dispatch':
      return (
        <>
          <Form.Item name="leadDepartmentCode" label={t('action.field.leadDepartment')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={departmentOptions} />
          </Form.Item>
          <Form.Item name="assistingDepartmentCodes" label={t('action.field.assistingDepartments')} initialValue={[]}>
            <Select mode="multiple" optionFilterProp="label" options={departmentOptions} />
          </Form.Item>
        </>
      );
    case 'return':
    case 'close':
      return (
        <Form.Item name="reason" label={t('action.field.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} autoFocus />
        </Form.Item>
      );
    case 'requestExtension':
      return (
        <>
          <Form.Item name="days" label={t('action.field.days')} rules={[{ required: true }]} initialValue={3}>
            <InputNumber min={1} max={30} />
          </Form.Item>
          <Form.Item name="reason" label={t('action.field.reason')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      );
    case 'suspend':
      // 挂起: a reason code and a note for the supervisor who decides.
      return (
        <>
          <Form.Item name="reason" label={t('action.field.suspensionReason')} rules={[{ required: true }]}>
            <Select options={SUSPENSION_REASONS.map((r) => ({ value: r, label: t(`suspensionReason.${r}`) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('action.field.note')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      );
    case 'decideSuspension':
      return (
        <>
          <Form.Item name="decision" label={t('action.field.decision')} rules={[{ required: true }]}>
            <Radio.Group>
              {SUSPENSION_DECISIONS.map((d) => (
                <Radio key={d} value={d}>
                  {t(`decision.${d}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item name="note" label={t('action.field.noteOptional')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      );
    case 'leadReview':
    case 'review':
      // 办结审核: approve / pass, or send back with a note (the API requires it for a return).
      return (
        <>
          <Form.Item name="decision" label={t('action.field.decision')} rules={[{ required: true }]}>
            <Radio.Group>
              <Radio value={action === 'review' ? 'pass' : 'approve'}>
                {t(`decision.${action === 'review' ? 'pass' : 'approve'}`)}
              </Radio>
              <Radio value="return">{t('decision.return')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            noStyle
            shouldUpdate={(before: Record<string, unknown>, after: Record<string, unknown>) => before.decision !== after.decision}
          >
            {({ getFieldValue }) => (
              <Form.Item
                name="note"
                label={t('action.field.note')}
                rules={[{ required: getFieldValue('decision') === 'return', whitespace: true }]}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
            )}
          </Form.Item>
        </>
      );
    case 'reopen':
    case 'progress':
      return (
        <Form.Item name="note" label={t('action.field.note')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} autoFocus />
        </Form.Item>
      );
    case 'reply':
      return (
        <Form.Item name="result" label={t('action.field.result')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} autoFocus />
        </Form.Item>
      );
    case 'directAnswer':
      return (
        <Form.Item name="answer" label={t('action.field.answer')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} autoFocus />
        </Form.Item>
      );
    case 'callback':
      return (
        <>
          <Form.Item name="satisfaction" label={t('action.field.satisfaction')} rules={[{ required: true }]}>
            <Radio.Group>
              <Radio value="satisfied">{t('satisfaction.satisfied')}</Radio>
              <Radio value="basicallySatisfied">{t('satisfaction.basicallySatisfied')}</Radio>
              <Radio value="unsatisfied">{t('satisfaction.unsatisfied')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="solved" label={t('action.field.solved')} valuePropName="checked" initialValue={true}>
            <Switch />
          </Form.Item>
          <Form.Item name="note" label={t('action.field.note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      );
    case 'merge':
      return (
        <Form.Item name="targetCaseNo" label={t('action.field.targetCaseNo')} rules={[{ required: true, pattern: /^XG\d{14}$/ }]}>
          <Input placeholder="XG20261122000001" autoFocus />
        </Form.Item>
      );
    case 'supervise':
      return (
        <>
          <Form.Item name="level" label={t('action.field.level')} rules={[{ required: true }]} initialValue="normal">
            <Radio.Group>
              <Radio value="normal">{t('supervision.normal')}</Radio>
              <Radio value="yellow">{t('supervision.yellow')}</Radio>
              <Radio value="red">{t('supervision.red')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="note" label={t('action.field.note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      );
    default:
      // rejectReturn, approve/rejectExtension, callbackAttempt, urge, resume: an optional note.
      return (
        <Form.Item name="note" label={t('action.field.noteOptional')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      );
  }
}

/** The body each endpoint takes, from the form's values (merge resolves the typed case number first). */
async function bodyOf(action: string, values: Record<string, unknown>): Promise<unknown> {
  const note = typeof values.note === 'string' && values.note.trim() ? values.note.trim() : undefined;
  switch (action) {
    case 'accept':
      return {};
    case 'merge': {
      const found = await api.get<CasePage>('/cases', { text: String(values.targetCaseNo), pageSize: 5 });
      const target = found.items.find((c) => c.caseNo === values.targetCaseNo);
      if (!target) throw new ApiError(404, `${String(values.targetCaseNo)}`, [{ field: 'targetCaseNo', reason: 'not found' }]);
      return { targetCaseId: target.id };
    }
    case 'callback':
      return { satisfaction: values.satisfaction, solved: values.solved, ...(note ? { note } : {}) };
    case 'supervise':
      return { level: values.level, ...(note ? { note } : {}) };
    case 'leadReview':
    case 'review':
    case 'decideSuspension':
      return { decision: values.decision, ...(note ? { note } : {}) };
    case 'suspend':
      return { reason: values.reason, note };
    case 'rejectReturn':
    case 'approveExtension':
    case 'rejectExtension':
    case 'callbackAttempt':
    case 'urge':
    case 'resume':
      return note ? { note } : {};
    default:
      return values;
  }
}

/**
 * The buttons for what the signed-in user may do on a case now, as the API's state machine says
 * (GET /cases/{id}/actions): nothing is shown that the API would refuse. `assign` needs a user list
 * the API does not offer yet, so it is left out.
 */
export default function CaseActions({
  caseId,
  onDone,
  size = 'small',
  only,
}: {
  caseId: string;
  onDone?: () => void;
  size?: 'small' | 'middle';
  only?: string[];
}) {
  const { t } = useTranslation();
  const showError = useApiErrors();
  const { message } = App.useApp();
  const allowed = useLoad(() => api.get<AllowedActions>(`/cases/${caseId}/actions`), [caseId]);
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();

  const run = async (action: string, values: Record<string, unknown>) => {
    setBusy(true);
    try {
      let path = PATHS[action];
      if (path.includes('{rid}')) {
        const requests = await api.get<ExtensionRequest[]>(`/cases/${caseId}/extension-requests`);
        const pending = requests.find((r) => r.status === 'pending');
        if (!pending) throw new ApiError(409, t('action.noPendingExtension'));
        path = path.replace('{rid}', pending.id);
      }
      await api.post(`/cases/${caseId}/${path}`, await bodyOf(action, values));
      void message.success(t('action.done', { action: t(`action.${action}`) }));
      setOpen(null);
      form.resetFields();
      allowed.reload();
      onDone?.();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const actions = (allowed.data?.actions ?? []).filter((a) => a in PATHS && (!only || only.includes(a)));
  return (
    <>
      <Space size={4} wrap data-testid={`actions-${caseId}`}>
        {actions.map((action) => (
          <Button
            key={action}
            size={size}
            type={PRIMARY.has(action) ? 'primary' : 'default'}
            data-action={action}
            loading={busy && IMMEDIATE.has(action)}
            onClick={() => (IMMEDIATE.has(action) ? void run(action, {}) : setOpen(action))}
          >
            {t(`action.${action}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={open !== null}
        title={open ? t(`action.${open}`) : ''}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onCancel={() => setOpen(null)}
        // run never rejects (failures go to showError); a form that does not validate shows its own messages.
        onOk={() =>
          void form.validateFields().then(
            (values: Record<string, unknown>) => run(open!, values),
            () => undefined,
          )
        }
        destroyOnClose
      >
        <Form form={form} layout="vertical" preserve={false}>
          {open && <ActionFields action={open} />}
        </Form>
      </Modal>
    </>
  );
}
