import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Form,
  Input,
  List,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CASE_KINDS, CASE_PRIORITIES, OPEN_CASE_STATUSES } from '@hotline/cases/values';
import { AddressItem, api, ApiError, CasePage, CaseView, KnowledgeEntry } from '../api';
import { AddressSearch, addressPlace } from '../components/AddressSearch';
import { StatusTag } from '../components/SlaTag';
import { useApiErrors } from '../components/CaseActions';
import { useLoad } from '../hooks';
import { categoryTree, placesOf, reference } from '../reference';

/** Same as the API's PHONE_PATTERN: a mobile, a landline with area code, or a local number. */
// ECharts loads only when the intake map is drawn, as on the other screens that draw.
const GridMap = lazy(() => import('../components/GridMap'));

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\d{7,8})$/;
const DAY_MS = 24 * 3600_000;

/** The intake form's fields, as the form holds them. */
interface IntakeValues {
  callerPhone: string;
  callerName: string;
  kind: string;
  categoryCode?: string;
  priority: string;
  title?: string;
  description?: string;
  address: string;
  communityCode?: string;
  confidential?: boolean;
  /** 稍后定位: take the case in without a grid when the address names no single register entry. */
  placeLater?: boolean;
}

/** The value after the user stops typing for `ms`: lookups follow typing without a request per key. */
function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * 受理: made for a call in progress. The phone comes first (the caller's earlier cases appear as soon as
 * it is a full number), every field is reachable by Tab, Ctrl+Enter submits, and the case number is shown
 * large to read back. Likely duplicates and, for consultations, knowledge-base answers show up beside the form.
 */
export default function Intake() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const [form] = Form.useForm<IntakeValues>();
  const [created, setCreated] = useState<CaseView | null>(null);
  const [busy, setBusy] = useState(false);
  // The register entry the address was chosen from (sent as addressId), and, after a 400 AddressNotPlaced,
  // the entries the typed address could mean.
  const [placed, setPlaced] = useState<AddressItem | undefined>();
  const [candidates, setCandidates] = useState<AddressItem[] | null>(null);
  // A spot the operator clicked on the map (WGS-84) and the grid it fell in: sent as lat/lng.
  const [spot, setSpot] = useState<{ lng: number; lat: number; grid: string } | undefined>();
  const categories = useLoad(() => reference.categories(), []);
  const grids = useLoad(() => reference.grids(), []);
  const communities = useMemo(() => (grids.data ? placesOf(grids.data).communities : []), [grids.data]);

  const phone = useDebounced<string>(Form.useWatch('callerPhone', form) ?? '');
  const kind = Form.useWatch('kind', form);
  const categoryCode = Form.useWatch('categoryCode', form);
  const communityCode = Form.useWatch('communityCode', form);
  const words = useDebounced<string>(
    `${Form.useWatch('title', form) ?? ''} ${Form.useWatch('description', form) ?? ''}`.trim(),
    400,
  );

  const normalized = phone.replace(/[\s]/g, '');
  const history = useLoad(
    () =>
      PHONE.test(normalized)
        ? api.get<CasePage>(`/callers/${encodeURIComponent(normalized)}/cases`, { pageSize: 10 })
        : Promise.resolve(null),
    [normalized],
  );
  // 重复件: the same category in the same community in the last 7 days, or the same caller in the last 30.
  const nearby = useLoad(
    () =>
      categoryCode && communityCode
        ? api.get<CasePage>('/cases', {
            category: categoryCode,
            community: communityCode,
            status: [...OPEN_CASE_STATUSES],
            from: new Date(Date.now() - 7 * DAY_MS).toISOString(),
            pageSize: 5,
          })
        : Promise.resolve(null),
    [categoryCode, communityCode],
  );
  const duplicates = useMemo(() => {
    const recentOfCaller = (history.data?.items ?? []).filter(
      (c) => (OPEN_CASE_STATUSES as readonly string[]).includes(c.status) && Date.now() - Date.parse(c.receivedAt) < 30 * DAY_MS,
    );
    const all = [...(nearby.data?.items ?? []), ...recentOfCaller];
    return all.filter((c, i) => all.findIndex((d) => d.id === c.id) === i);
  }, [history.data, nearby.data]);
  const knowledge = useLoad(
    () =>
      kind === 'consultation' && (categoryCode || words)
        ? api.get<KnowledgeEntry[]>('/knowledge', { category: categoryCode, q: words.slice(0, 200) || undefined })
        : Promise.resolve([]),
    [kind, categoryCode, words],
  );

  // A knowledge-base answer goes with the intake itself: the case is stored already answered and never
  // routed (answering after the 201 raced the router and usually got 409).
  const submitCase = async (directAnswer?: string): Promise<CaseView | null> => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return null;
    const { communityCode, placeLater, ...rest } = values;
    const body = {
      ...rest,
      // A register entry brings its own point and grid; otherwise the community, or the text matched exactly.
      ...(placed ? { addressId: placed.id } : spot ? { lat: spot.lat, lng: spot.lng } : communityCode ? { communityCode } : {}),
      ...(!placed && !spot && placeLater ? { placeLater: true } : {}),
      channel: 'phone',
      confidential: !!values.confidential,
      callerPhone: values.callerPhone.replace(/\s/g, ''),
      ...(directAnswer ? { directAnswer } : {}),
    };
    return api.post<CaseView>('/cases', body);
  };

  const submit = async (directAnswer?: string) => {
    setBusy(true);
    try {
      const c = await submitCase(directAnswer);
      if (!c) return;
      setCreated(c);
      setCandidates(null);
      void message.success(t('intake.saved', { caseNo: c.caseNo }));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'AddressNotPlaced') setCandidates(error.candidates);
      else showError(error);
    } finally {
      setBusy(false);
    }
  };

  const clearForm = () => {
    form.resetFields();
    setPlaced(undefined);
    setSpot(undefined);
    setCandidates(null);
  };

  const nextCall = () => {
    setCreated(null);
    clearForm();
  };

  const pickAddress = (address: AddressItem | undefined) => {
    setPlaced(address);
    if (!address) return;
    setSpot(undefined);
    setCandidates(null);
    form.setFieldsValue({ communityCode: address.community.code });
  };

  // 地图选点: a click inside a grid places the case at that spot (the address text stays what was said).
  const pickSpot = (gridCode: string, lngLat?: [number, number]) => {
    const grid = grids.data?.find((g) => g.code === gridCode);
    if (!grid || !lngLat) return;
    setPlaced(undefined);
    setCandidates(null);
    setSpot({ lng: lngLat[0], lat: lngLat[1], grid: grid.code });
    form.setFieldsValue({ communityCode: grid.community.code });
  };
  const spotGrid = spot && grids.data?.find((g) => g.code === spot.grid);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !created) {
        e.preventDefault();
        void submit();
      } else if (e.key === 'Enter' && created) {
        e.preventDefault();
        nextCall();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (created) {
    return (
      <Result
        status="success"
        title={t('intake.caseNoTitle')}
        subTitle={
          <Typography.Text
            style={{ fontSize: 44, fontWeight: 700, letterSpacing: 2, color: '#000' }}
            copyable
            data-testid="case-no"
          >
            {created.caseNo}
          </Typography.Text>
        }
        extra={[
          <Button type="primary" key="next" onClick={nextCall} autoFocus>
            {t('intake.nextCall')}
          </Button>,
          <Link key="open" to={`/cases/${created.id}`}>
            {t('intake.openCase')}
          </Link>,
        ]}
      />
    );
  }

  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        <Card title={t('intake.title')} extra={<Typography.Text type="secondary">{t('intake.keys')}</Typography.Text>}>
          <Form form={form} layout="vertical" initialValues={{ kind: 'complaint', priority: 'normal', confidential: false }}>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item
                  name="callerPhone"
                  label={t('intake.callerPhone')}
                  rules={[{ required: true }, { pattern: /^[\d\s+-]{7,20}$/, message: t('intake.badPhone') }]}
                >
                  <Input autoFocus inputMode="tel" data-testid="caller-phone" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name="callerName"
                  label={t('intake.callerName')}
                  rules={[{ required: true, whitespace: true, max: 60 }]}
                >
                  <Input data-testid="caller-name" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="kind" label={t('intake.kind')}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={CASE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
              />
            </Form.Item>
            <Row gutter={12}>
              <Col span={16}>
                <Form.Item name="categoryCode" label={t('intake.category')} rules={[{ required: true }]}>
                  <TreeSelect
                    showSearch
                    treeNodeFilterProp="title"
                    treeData={categoryTree(categories.data ?? [], i18n.language === 'en')}
                    placeholder={t('intake.categorySearch')}
                    data-testid="category"
                  />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="priority" label={t('intake.priority')}>
                  <Select options={CASE_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="title" label={t('intake.caseTitle')} rules={[{ required: true, min: 2, max: 200 }]}>
              <Input data-testid="case-title" />
            </Form.Item>
            <Form.Item
              name="description"
              label={t('intake.description')}
              rules={[{ required: true, whitespace: true, max: 5000 }]}
            >
              <Input.TextArea rows={3} data-testid="case-description" />
            </Form.Item>
            <Row gutter={12}>
              <Col span={14}>
                <Form.Item
                  name="address"
                  label={t('intake.address')}
                  rules={[{ required: true, whitespace: true, max: 300 }]}
                  extra={
                    placed ? (
                      <Typography.Text type="success" data-testid="address-placed">
                        {t('intake.addressPlaced', {
                          street: placed.street.name,
                          community: placed.community.name,
                          grid: placed.grid.name,
                        })}
                      </Typography.Text>
                    ) : spotGrid ? (
                      <Typography.Text type="success" data-testid="map-placed" data-grid={spotGrid.code}>
                        {t('intake.mapPlaced', { grid: spotGrid.name })}
                      </Typography.Text>
                    ) : null
                  }
                >
                  <AddressSearch onPick={pickAddress} placeholder={t('intake.addressSearch')} testId="case-address" />
                </Form.Item>
              </Col>
              <Col span={10}>
                <Form.Item name="communityCode" label={t('intake.community')}>
                  <Select
                    showSearch
                    allowClear
                    disabled={!!placed}
                    optionFilterProp="label"
                    options={communities.map((c) => ({ value: c.code, label: `${c.street} ${c.name}` }))}
                    data-testid="community"
                  />
                </Form.Item>
              </Col>
            </Row>
            {candidates && (
              <Alert
                type="warning"
                showIcon
                data-testid="address-candidates"
                style={{ marginBottom: 16 }}
                message={t('intake.addressNotPlaced')}
                description={
                  <>
                    <List
                      size="small"
                      dataSource={candidates}
                      renderItem={(a) => (
                        <List.Item
                          actions={[
                            <Button
                              key="pick"
                              size="small"
                              onClick={() => {
                                form.setFieldsValue({ address: a.label });
                                pickAddress(a);
                              }}
                            >
                              {t('intake.addressPick')}
                            </Button>,
                          ]}
                        >
                          <List.Item.Meta title={a.label} description={addressPlace(a)} />
                        </List.Item>
                      )}
                    />
                    <Form.Item name="placeLater" valuePropName="checked" noStyle>
                      <Checkbox data-testid="place-later">{t('intake.placeLater')}</Checkbox>
                    </Form.Item>
                  </>
                }
              />
            )}
            <Form.Item name="confidential" valuePropName="checked">
              <Checkbox>{t('intake.confidential')}</Checkbox>
            </Form.Item>
            <Space>
              <Button type="primary" onClick={() => void submit()} loading={busy} data-testid="submit-case">
                {t('intake.submit')}
              </Button>
              <Button onClick={clearForm}>{t('intake.clear')}</Button>
            </Space>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {duplicates.length > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="duplicates"
              message={t('intake.duplicates', { n: duplicates.length })}
              description={
                <List
                  size="small"
                  dataSource={duplicates}
                  renderItem={(c) => (
                    <List.Item>
                      <Link to={`/cases/${c.id}`} target="_blank">
                        {c.caseNo}
                      </Link>{' '}
                      {c.title} <StatusTag status={c.status} />
                    </List.Item>
                  )}
                />
              }
            />
          )}
          <Card size="small" title={t('intake.map')}>
            {grids.data && (
              <Suspense fallback={null}>
                <GridMap
                  grids={grids.data}
                  highlight={placed ? [placed.grid.code] : spot ? [spot.grid] : []}
                  point={placed ? [placed.lng, placed.lat] : spot ? [spot.lng, spot.lat] : null}
                  height={300}
                  onSelect={pickSpot}
                  testId="intake-map"
                />
              </Suspense>
            )}
          </Card>
          {kind === 'consultation' && (
            <Card size="small" title={t('intake.knowledge')} data-testid="knowledge">
              {knowledge.data?.length ? (
                <List
                  dataSource={knowledge.data}
                  renderItem={(k) => (
                    <List.Item
                      actions={[
                        <Button key="answer" size="small" type="primary" loading={busy} onClick={() => void submit(k.answer)}>
                          {t('intake.directAnswer')}
                        </Button>,
                      ]}
                    >
                      <List.Item.Meta title={k.question} description={k.answer} />
                    </List.Item>
                  )}
                />
              ) : (
                <Empty description={t('intake.noKnowledge')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
              )}
            </Card>
          )}
          <Card size="small" title={t('intake.history')} data-testid="caller-history">
            {history.data ? (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={history.data.items}
                locale={{ emptyText: t('intake.firstCall') }}
                columns={[
                  {
                    title: t('case.caseNo'),
                    dataIndex: 'caseNo',
                    render: (v: string, c: CaseView) => <Link to={`/cases/${c.id}`}>{v}</Link>,
                  },
                  { title: t('case.title'), dataIndex: 'title' },
                  { title: t('case.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
                  { title: t('case.receivedAt'), dataIndex: 'receivedAt', render: (v: string) => v.slice(0, 10) },
                ]}
              />
            ) : (
              <Typography.Text type="secondary">{t('intake.typePhone')}</Typography.Text>
            )}
            {history.data && history.data.total > 0 && <Tag color="blue">{t('intake.earlier', { n: history.data.total })}</Tag>}
          </Card>
        </Space>
      </Col>
    </Row>
  );
}
