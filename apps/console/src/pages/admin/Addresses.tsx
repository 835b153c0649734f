import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AddressItem, AddressPage, AdminAddress, api } from '../../api';
import { addressPlace } from '../../components/AddressSearch';
import { useApiErrors } from '../../components/CaseActions';
import { useLoad } from '../../hooks';
import { reference } from '../../reference';

/** The register's kinds of entry (libs/addresses ADDRESS_KINDS), in the order the form offers them. */
const KINDS = ['roadNumber', 'compound', 'building', 'unit', 'place'] as const;

interface AddressInput {
  kind: (typeof KINDS)[number];
  label: string;
  aliases?: string[];
  lat: number;
  lng: number;
  gridCode?: string;
}

/**
 * 标准地址库: admins search the register (the intake's own search), add an address, correct one (label,
 * aliases, point, grid) and retire one. The API checks the point against the grid and audits each change.
 */
export default function Addresses() {
  const { t } = useTranslation();
  const showError = useApiErrors();
  const { message } = App.useApp();
  const [query, setQuery] = useState('');
  const [version, setVersion] = useState(0);
  const found = useLoad(
    () => (query ? api.get<AddressPage>('/addresses', { q: query, limit: 50 }) : Promise.resolve({ items: [] })),
    [query, version],
  );
  const grids = useLoad(() => reference.grids(), []);
  const [editing, setEditing] = useState<AdminAddress | 'new' | null>(null);
  const [form] = Form.useForm<AddressInput>();

  const open = async (item: AddressItem | 'new') => {
    form.resetFields();
    if (item === 'new') {
      setEditing('new');
      return;
    }
    try {
      const address = await api.get<AdminAddress>(`/addresses/${item.id}`);
      form.setFieldsValue({ ...address, kind: address.kind, gridCode: address.grid.code });
      setEditing(address);
    } catch (e) {
      showError(e);
    }
  };
  const save = async () => {
    const values = await form.validateFields();
    const body = { ...values, aliases: values.aliases ?? [] };
    try {
      if (editing === 'new') await api.post('/addresses', body);
      else await api.patch(`/addresses/${editing!.id}`, body);
      void message.success(t('common.saved'));
      setEditing(null);
      setVersion((v) => v + 1);
    } catch (e) {
      showError(e);
    }
  };
  const retire = async (id: string) => {
    try {
      await api.post(`/addresses/${id}/retire`, {});
      void message.success(t('admin.addressRetired'));
      setVersion((v) => v + 1);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Input.Search
          data-testid="address-admin-search"
          placeholder={t('intake.addressSearch')}
          allowClear
          onSearch={(q) => setQuery(q.trim().slice(0, 100))}
          style={{ width: 320 }}
        />
        <Button data-testid="address-new" onClick={() => void open('new')}>
          {t('admin.newAddress')}
        </Button>
      </Space>
      <Table<AddressItem>
        rowKey="id"
        size="small"
        loading={found.loading}
        dataSource={found.data?.items ?? []}
        pagination={false}
        onRow={(a) => ({ 'data-address-row': a.label }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('admin.addressLabel'), dataIndex: 'label' },
          {
            title: t('admin.addressPlace'),
            render: (_, a) => <Typography.Text type="secondary">{addressPlace(a)}</Typography.Text>,
          },
          { title: t('admin.grids'), render: (_, a) => a.grid.code },
          { title: 'lat, lng', render: (_, a) => `${a.lat.toFixed(6)}, ${a.lng.toFixed(6)}` },
          {
            title: '',
            render: (_, a) => (
              <Space>
                <Button size="small" data-testid="address-edit" onClick={() => void open(a)}>
                  {t('admin.edit')}
                </Button>
                <Popconfirm title={t('admin.addressRetireConfirm')} onConfirm={() => void retire(a.id)}>
                  <Button size="small" danger data-testid="address-retire">
                    {t('admin.retire')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('admin.newAddress') : t('admin.edit')}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        okButtonProps={{ 'data-testid': 'address-save' }}
        destroyOnClose
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'building' }}>
          <Form.Item name="kind" label={t('admin.type')} rules={[{ required: true }]}>
            <Select disabled={editing !== 'new'} options={KINDS.map((k) => ({ value: k, label: t(`admin.addressKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="label" label={t('admin.addressLabel')} rules={[{ required: true, max: 200 }]}>
            <Input data-testid="address-label" />
          </Form.Item>
          <Form.Item name="aliases" label={t('admin.addressAliases')}>
            <Select mode="tags" data-testid="address-aliases" open={false} tokenSeparators={[',', '，']} />
          </Form.Item>
          <Space>
            <Form.Item name="lat" label="lat (WGS-84)" rules={[{ required: true }]}>
              <InputNumber data-testid="address-lat" step={0.0001} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="lng" label="lng (WGS-84)" rules={[{ required: true }]}>
              <InputNumber data-testid="address-lng" step={0.0001} style={{ width: 160 }} />
            </Form.Item>
          </Space>
          <Form.Item name="gridCode" label={t('admin.grids')} extra={t('admin.addressGridHint')}>
            <Select
              allowClear
              showSearch
              options={(grids.data ?? []).map((g) => ({ value: g.code, label: `${g.name} (${g.code})` }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
