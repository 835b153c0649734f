import { useMemo } from 'react';
import { Card, Input, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { CASE_STATUSES } from '@hotline/cases/values';
import { api, CaseView, CasePage, SessionUser } from '../api';
import CaseActions from '../components/CaseActions';
import { SlaTag, StatusTag } from '../components/SlaTag';
import { useLoad } from '../hooks';
import { categoryTree, reference } from '../reference';

/** Filters the URL may carry (the dashboard's drill-down links land here with them). */
const PASS_THROUGH = ['department', 'street', 'community', 'grid', 'figure', 'from', 'to', 'kind', 'channel'];

/**
 * The inbox: every case the user may see (a department its own, the centre all), newest first, with
 * its SLA colour and working time left, filters, and the buttons for what the user may do on each.
 */
export default function CaseList({ user }: { user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const categories = useLoad(() => reference.categories(), []);
  const filters = useMemo(() => {
    const f: Record<string, string | undefined> = {};
    for (const key of ['status', 'sla', 'text', 'category', 'page', ...PASS_THROUGH]) f[key] = params.get(key) ?? undefined;
    return f;
  }, [params]);
  const cases = useLoad(() => api.get<CasePage>('/cases', { ...filters, pageSize: 20 }), [filters]);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };
  const drill = PASS_THROUGH.filter((k) => filters[k]);
  const isDepartment = user.role === 'departmentStaff' || user.role === 'departmentLead';

  return (
    <Card
      title={isDepartment ? t('inbox.departmentTitle', { department: user.departmentCode }) : t('inbox.title')}
      extra={
        drill.length > 0 && (
          <Space>
            {drill.map((k) => (
              <Tag key={k} closable onClose={() => set(k, undefined)}>{`${t(`filter.${k}`)}: ${filters[k]}`}</Tag>
            ))}
          </Space>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 220 }}
          placeholder={t('filter.status')}
          value={filters.status ? filters.status.split(',') : []}
          onChange={(v: string[]) => set('status', v.join(',') || undefined)}
          options={CASE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          data-testid="filter-status"
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('filter.sla')}
          value={filters.sla}
          onChange={(v) => set('sla', v)}
          options={['warning', 'overdue'].map((s) => ({ value: s, label: t(`sla.state.${s}`) }))}
        />
        <TreeSelect
          allowClear
          showSearch
          treeNodeFilterProp="title"
          style={{ width: 220 }}
          placeholder={t('filter.category')}
          value={filters.category}
          onChange={(v) => set('category', v)}
          treeData={categoryTree(categories.data ?? [], i18n.language === 'en')}
        />
        <Input.Search
          allowClear
          placeholder={t('filter.text')}
          defaultValue={filters.text}
          onSearch={(v) => set('text', v || undefined)}
          style={{ width: 240 }}
        />
      </Space>
      <Table<CaseView>
        rowKey="id"
        size="middle"
        loading={cases.loading}
        dataSource={cases.data?.items ?? []}
        pagination={{
          current: cases.data?.page ?? 1,
          pageSize: 20,
          total: cases.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (p) => set('page', String(p)),
        }}
        rowClassName={(c) => `sla-${c.sla.state}`}
        columns={[
          { title: t('case.caseNo'), dataIndex: 'caseNo', render: (v, c) => <Link to={`/cases/${c.id}`}>{v}</Link> },
          { title: t('case.title'), dataIndex: 'title', ellipsis: true },
          { title: t('case.category'), render: (_, c) => c.category?.name },
          { title: t('case.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
          {
            title: t('case.leadDepartment'),
            render: (_, c) => c.leadDepartment?.name ?? <Typography.Text type="secondary">—</Typography.Text>,
          },
          { title: t('case.sla'), render: (_, c) => <SlaTag sla={c.sla} /> },
          { title: t('case.receivedAt'), dataIndex: 'receivedAt', render: (v: string) => v.slice(0, 16).replace('T', ' ') },
          { title: t('case.actions'), render: (_, c) => <CaseActions caseId={c.id} onDone={cases.reload} /> },
        ]}
      />
    </Card>
  );
}
