import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CASE_KINDS } from '@hotline/cases/values';
import { api, RuleSetPreview, RuleSetVersion, StoredRule } from '../../api';
import { useApiErrors } from '../../components/CaseActions';
import { useLoad } from '../../hooks';

type Decision = RuleSetPreview['recent']['cases'][number]['current'];
interface SampleInput {
  kind: string;
  categoryCode: string;
  streetCode?: string;
  gridCode?: string;
  text?: string;
}

/** The rule set as the editor holds it: the rules and the categories left to the dispatchers, as JSON. */
const asText = (v: RuleSetVersion) => JSON.stringify({ rules: v.rules, dispatcherCategories: v.dispatcherCategories }, null, 2);

/**
 * 派单规则: the rule set in force, edited as a whole (JSON, like the SLA policies), previewed before it
 * is saved (which rule routes a sample case, which cases of the last 30 days would go elsewhere, what
 * saving would be refused for), saved as a new version with a reason, and any earlier version restored.
 */
export default function RoutingRules() {
  const { t } = useTranslation();
  const showError = useApiErrors();
  const { message } = App.useApp();
  const versions = useLoad(() => api.get<RuleSetVersion[]>('/admin/routing-rules/versions'), []);
  const current = versions.data?.[0];
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<RuleSetPreview | null>(null);
  const [saving, setSaving] = useState<'save' | { rollback: number } | null>(null);
  const [sampleForm] = Form.useForm<SampleInput>();
  const [reasonForm] = Form.useForm<{ reason: string }>();
  useEffect(() => {
    if (current) setText(asText(current));
  }, [current]);

  const proposal = (): { rules: StoredRule[]; dispatcherCategories: string[] } | null => {
    try {
      return JSON.parse(text) as { rules: StoredRule[]; dispatcherCategories: string[] };
    } catch {
      void message.error(t('refAdmin.badJson'));
      return null;
    }
  };
  const runPreview = async () => {
    const set = proposal();
    if (!set) return;
    const sample = sampleForm.getFieldsValue();
    try {
      setPreview(
        await api.post<RuleSetPreview>('/admin/routing-rules/preview', {
          ...set,
          ...(sample.kind && sample.categoryCode ? { sample: clean(sample) } : {}),
        }),
      );
    } catch (e) {
      showError(e);
    }
  };
  const confirm = async () => {
    const { reason } = await reasonForm.validateFields();
    try {
      if (saving === 'save') await api.put('/admin/routing-rules', { ...proposal(), reason });
      else if (saving) await api.post(`/admin/routing-rules/versions/${saving.rollback}/rollback`, { reason });
      void message.success(t('common.saved'));
      setSaving(null);
      setPreview(null);
      versions.reload();
    } catch (e) {
      showError(e);
    }
  };
  const decision = (d: Decision) =>
    d
      ? `${d.ruleCode} → ${d.leadDepartmentCode}${d.assistingDepartmentCodes.length ? ` (+${d.assistingDepartmentCodes.join(', ')})` : ''}`
      : t('refAdmin.toDispatchers');

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {current && (
        <Typography.Text data-current-version={current.version}>
          {t('refAdmin.inForce', { version: current.version, by: current.createdBy, reason: current.reason })}
        </Typography.Text>
      )}
      <Input.TextArea
        data-rule-set
        rows={16}
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ fontFamily: 'monospace', fontSize: 12 }}
      />
      <Card size="small" title={t('refAdmin.sample')}>
        <Form form={sampleForm} layout="inline">
          <Form.Item name="kind" label={t('refAdmin.kind')}>
            <Select
              style={{ width: 140 }}
              options={CASE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`, { defaultValue: k }) }))}
            />
          </Form.Item>
          <Form.Item name="categoryCode" label={t('admin.categories')}>
            <Input style={{ width: 260 }} data-sample-category />
          </Form.Item>
          <Form.Item name="streetCode" label={t('refAdmin.street')}>
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="text" label={t('refAdmin.text')}>
            <Input style={{ width: 220 }} />
          </Form.Item>
        </Form>
      </Card>
      <Space>
        <Button data-preview onClick={() => void runPreview()}>
          {t('admin.noticePreview')}
        </Button>
        <Button type="primary" data-save-rules onClick={() => setSaving('save')}>
          {t('refAdmin.saveVersion')}
        </Button>
      </Space>
      {preview && (
        <Card size="small" data-preview-result>
          {preview.problems.length > 0 ? (
            <Alert
              type="error"
              showIcon
              message={t('refAdmin.wouldBeRefused')}
              description={preview.problems.map((p) => `${p.field}: ${p.reason}`).join('\n')}
              style={{ whiteSpace: 'pre-line', marginBottom: 8 }}
            />
          ) : (
            <Alert type="success" showIcon message={t('refAdmin.valid')} style={{ marginBottom: 8 }} />
          )}
          {preview.sample && (
            <Descriptions size="small" column={1} data-sample-result>
              <Descriptions.Item label={t('refAdmin.now')}>{decision(preview.sample.current)}</Descriptions.Item>
              <Descriptions.Item label={t('refAdmin.proposed')}>{decision(preview.sample.proposed)}</Descriptions.Item>
            </Descriptions>
          )}
          <Typography.Paragraph>
            {t('refAdmin.recent', { examined: preview.recent.examined, changed: preview.recent.changed })}
          </Typography.Paragraph>
          <Table
            rowKey="caseNo"
            size="small"
            pagination={false}
            dataSource={preview.recent.cases}
            columns={[
              { title: t('refAdmin.caseNo'), dataIndex: 'caseNo' },
              { title: t('admin.categories'), dataIndex: 'categoryCode' },
              { title: t('refAdmin.now'), render: (_, c) => decision(c.current) },
              { title: t('refAdmin.proposed'), render: (_, c) => decision(c.proposed) },
            ]}
          />
        </Card>
      )}
      <Typography.Title level={5}>{t('refAdmin.versions')}</Typography.Title>
      <Table<RuleSetVersion>
        rowKey="version"
        size="small"
        loading={versions.loading}
        dataSource={versions.data ?? []}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        columns={[
          { title: t('refAdmin.version'), dataIndex: 'version' },
          { title: t('refAdmin.by'), dataIndex: 'createdBy' },
          { title: t('refAdmin.at'), dataIndex: 'createdAt' },
          {
            title: t('refAdmin.reason'),
            render: (_, v) => (
              <Space size={4}>
                {v.reason}
                {v.rolledBackFrom !== null && <Tag>{t('refAdmin.restored', { version: v.rolledBackFrom })}</Tag>}
              </Space>
            ),
          },
          { title: t('refAdmin.rules'), render: (_, v) => v.rules.length },
          {
            title: '',
            render: (_, v) =>
              v.version !== current?.version && (
                <Button size="small" data-rollback={v.version} onClick={() => setSaving({ rollback: v.version })}>
                  {t('refAdmin.rollback')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={!!saving}
        title={saving === 'save' || !saving ? t('refAdmin.saveVersion') : t('refAdmin.rollbackTo', { version: saving.rollback })}
        onCancel={() => setSaving(null)}
        onOk={() => void confirm()}
        okText={t('common.save')}
        destroyOnClose
      >
        <Form form={reasonForm} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('refAdmin.reason')} rules={[{ required: true, max: 500 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** The sample without the fields left empty (the API refuses empty strings). */
function clean(sample: SampleInput): SampleInput {
  return Object.fromEntries(Object.entries(sample).filter(([, v]) => v !== undefined && v !== '')) as unknown as SampleInput;
}
