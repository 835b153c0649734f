import { useState } from 'react';
import { App, Button, Descriptions, Drawer, Input, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, UpstreamDeadLetter, UpstreamOrder, UpstreamReport } from '../../api';
import { useApiErrors } from '../../components/CaseActions';
import { StatusTag } from '../../components/SlaTag';
import { useLoad } from '../../hooks';

/** The city's 12345 platform: the only configured upstream platform (its code is in every path). */
const CITY = '/upstream/12345';
const time = (v: string | null) => (v ? v.slice(0, 16).replace('T', ' ') : '—');
const STATE_COLOURS: Record<UpstreamReport['state'], string> = { delivered: 'green', pending: 'blue', deadLettered: 'red' };

/** One city order: its case, the city's deadlines, every report out with its delivery state, every decision in. */
function OrderView({ order }: { order: UpstreamOrder }) {
  const { t } = useTranslation();
  return (
    <div data-testid="upstream-order">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('upstream.orderNo')}>{order.orderNo}</Descriptions.Item>
        <Descriptions.Item label={t('case.caseNo')}>
          <Link to={`/cases/${order.case.id}`}>{order.case.caseNo}</Link> <StatusTag status={order.case.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('upstream.cityCategory')}>
          {order.cityCategory} {!order.mapped && <Tag color="orange">{t('upstream.unmapped')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('upstream.receivedAt')}>{time(order.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('upstream.acceptDeadline')}>{time(order.deadlines.accept)}</Descriptions.Item>
        <Descriptions.Item label={t('upstream.replyDeadline')}>{time(order.deadlines.reply)}</Descriptions.Item>
        {order.deadLetter && (
          <Descriptions.Item label={t('upstream.deadLettered')} span={2}>
            {time(order.deadLetter.at)} {order.deadLetter.reason}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('upstream.reports')}
      </Typography.Title>
      <Table<UpstreamReport>
        rowKey="seq"
        size="small"
        data-testid="upstream-reports"
        dataSource={order.reports}
        pagination={false}
        locale={{ emptyText: t('supervisor.empty') }}
        columns={[
          { title: t('upstream.seq'), dataIndex: 'seq' },
          { title: t('upstream.type'), dataIndex: 'type', render: (v: string) => t(`upstream.report.${v}`, { defaultValue: v }) },
          {
            title: t('upstream.state'),
            dataIndex: 'state',
            render: (v: UpstreamReport['state']) => <Tag color={STATE_COLOURS[v]}>{t(`upstream.reportState.${v}`)}</Tag>,
          },
          { title: t('upstream.createdAt'), dataIndex: 'createdAt', render: time },
          { title: t('upstream.deliveredAt'), dataIndex: 'deliveredAt', render: time },
          { title: t('upstream.attempts'), dataIndex: 'attempts' },
          { title: t('upstream.lastError'), dataIndex: 'lastError', ellipsis: true, render: (v: string | null) => v ?? '—' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('upstream.decisions')}
      </Typography.Title>
      <Table<UpstreamOrder['decisions'][number]>
        rowKey="seq"
        size="small"
        data-testid="upstream-decisions"
        dataSource={order.decisions}
        pagination={false}
        locale={{ emptyText: t('supervisor.empty') }}
        columns={[
          { title: t('upstream.seq'), dataIndex: 'seq' },
          {
            title: t('upstream.type'),
            dataIndex: 'type',
            render: (v: string) => t(`upstream.decision.${v}`, { defaultValue: v }),
          },
          { title: t('upstream.decidedAt'), dataIndex: 'at', render: time },
          { title: t('upstream.appliedAt'), dataIndex: 'appliedAt', render: time },
          { title: t('upstream.body'), dataIndex: 'body', ellipsis: true, render: (v: object) => JSON.stringify(v) },
        ]}
      />
    </div>
  );
}

/** The order in a drawer, loaded by its number. */
function OrderDrawer({ orderNo, onClose }: { orderNo: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const order = useLoad(
    () => (orderNo ? api.get<UpstreamOrder>(`${CITY}/orders/${encodeURIComponent(orderNo)}`) : Promise.resolve(undefined)),
    [orderNo],
  );
  return (
    <Drawer open={!!orderNo} onClose={onClose} width={960} title={`${t('upstream.order')} ${orderNo ?? ''}`} destroyOnClose>
      {order.data ? (
        <OrderView order={order.data} />
      ) : order.error ? (
        <Typography.Text type="danger">{String((order.error as Error).message)}</Typography.Text>
      ) : null}
    </Drawer>
  );
}

/**
 * 市12345工单 for supervisors: the dead-letter list (orders whose reports the city kept refusing) with a
 * retry button each, and any order looked up by its number, with every report and decision.
 */
export default function CityOrders() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const deadLetters = useLoad(() => api.get<UpstreamDeadLetter[]>(`${CITY}/dead-letters`), []);
  const [shown, setShown] = useState<string | null>(null);
  const [retrying, setRetrying] = useState<string | null>(null);
  const [lookup, setLookup] = useState('');

  const retry = async (orderNo: string) => {
    setRetrying(orderNo);
    try {
      const order = await api.post<UpstreamOrder>(`${CITY}/dead-letters/${encodeURIComponent(orderNo)}/retry`);
      const pending = order.reports.filter((r) => r.state !== 'delivered').length;
      void message.success(t('upstream.retried', { orderNo, pending }));
      deadLetters.reload();
    } catch (e) {
      showError(e);
    } finally {
      setRetrying(null);
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Input.Search
          data-testid="upstream-lookup"
          placeholder={t('upstream.orderNo')}
          enterButton={t('upstream.open')}
          value={lookup}
          onChange={(e) => setLookup(e.target.value)}
          onSearch={(v) => v.trim() && setShown(v.trim())}
          style={{ width: 360 }}
        />
      </Space>
      <Typography.Title level={5}>{t('upstream.deadLetters')}</Typography.Title>
      <Table<UpstreamDeadLetter>
        rowKey="orderNo"
        size="middle"
        data-testid="dead-letter-list"
        loading={deadLetters.loading}
        dataSource={deadLetters.data ?? []}
        pagination={false}
        locale={{ emptyText: t('upstream.noDeadLetters') }}
        columns={[
          {
            title: t('upstream.orderNo'),
            dataIndex: 'orderNo',
            render: (v: string) => (
              <Button type="link" size="small" onClick={() => setShown(v)}>
                {v}
              </Button>
            ),
          },
          { title: t('case.caseNo'), dataIndex: 'caseNo', render: (v, r) => <Link to={`/cases/${r.caseId}`}>{v}</Link> },
          { title: t('upstream.deadAt'), dataIndex: 'deadAt', render: time },
          { title: t('upstream.lastError'), dataIndex: 'reason', ellipsis: true, render: (v: string | null) => v ?? '—' },
          { title: t('upstream.pendingReports'), dataIndex: 'pendingReports' },
          {
            title: t('case.actions'),
            render: (_, r) => (
              <Button size="small" loading={retrying === r.orderNo} onClick={() => void retry(r.orderNo)}>
                {t('upstream.retry')}
              </Button>
            ),
          },
        ]}
      />
      <OrderDrawer orderNo={shown} onClose={() => setShown(null)} />
    </>
  );
}
