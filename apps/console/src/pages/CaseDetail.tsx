import { Alert, Card, Col, Descriptions, Result, Row, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, CaseEvent, CaseView, SessionUser } from '../api';
import CaseActions from '../components/CaseActions';
import GridMap from '../components/GridMap';
import { SlaTag, StatusTag } from '../components/SlaTag';
import { useLoad } from '../hooks';
import { reference } from '../reference';

const time = (v: string | null | undefined) => (v ? v.slice(0, 16).replace('T', ' ') : '—');

/** One case: every field (the caller masked as the API masks it for the role), its grid on the map, its whole history. */
export default function CaseDetail({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const { id } = useParams();
  const view = useLoad(() => api.get<CaseView>(`/cases/${id}`), [id]);
  const events = useLoad(() => api.get<CaseEvent[]>(`/cases/${id}/events`), [id]);
  const grids = useLoad(() => reference.grids(), []);
  const reload = () => {
    view.reload();
    events.reload();
  };

  if (view.error) {
    const status = view.error instanceof ApiError ? view.error.status : 500;
    return (
      <div data-testid="case-refused">
        <Result
          status={status === 403 ? '403' : status === 404 ? '404' : 'error'}
          title={status === 403 ? t('detail.forbidden') : status === 404 ? t('detail.notFound') : t('detail.error')}
          subTitle={view.error instanceof Error ? view.error.message : ''}
          extra={<Link to="/cases">{t('detail.back')}</Link>}
        />
      </div>
    );
  }
  const c = view.data;
  if (!c) return <Card loading />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Typography.Text strong style={{ fontSize: 20 }} data-testid="detail-case-no">
              {c.caseNo}
            </Typography.Text>
            <StatusTag status={c.status} />
            <SlaTag sla={c.sla} />
            {c.supervisionLevel && (
              <Tag color={c.supervisionLevel === 'red' ? 'red' : c.supervisionLevel === 'yellow' ? 'gold' : 'blue'}>
                {t('detail.supervised')} · {t(`supervision.${c.supervisionLevel}`)}
              </Tag>
            )}
            {c.confidential && <Tag color="black">{t('detail.confidential')}</Tag>}
          </Space>
        }
        extra={<CaseActions caseId={c.id} onDone={reload} size="middle" />}
      >
        {c.mergedIntoId && (
          <Alert
            type="info"
            message={
              <>
                {t('detail.mergedInto')} <Link to={`/cases/${c.mergedIntoId}`}>{t('detail.target')}</Link>
              </>
            }
            style={{ marginBottom: 12 }}
          />
        )}
        {c.followUpOf && (
          <Alert
            type="info"
            data-testid="follow-up-of"
            message={
              <>
                {t('detail.followUpOf')} <Link to={`/cases/${c.followUpOf.id}`}>{c.followUpOf.caseNo}</Link>
              </>
            }
            style={{ marginBottom: 12 }}
          />
        )}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('case.title')} span={3}>
            {c.title}
          </Descriptions.Item>
          <Descriptions.Item label={t('case.description')} span={3}>
            {c.description}
          </Descriptions.Item>
          <Descriptions.Item label={t('case.kind')}>{t(`kind.${c.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('case.category')}>{c.category?.name}</Descriptions.Item>
          <Descriptions.Item label={t('case.priority')}>{t(`priority.${c.priority}`)}</Descriptions.Item>
          <Descriptions.Item label={t('case.channel')}>{c.channel}</Descriptions.Item>
          <Descriptions.Item label={t('case.caller')}>
            <span data-testid="caller">
              {c.caller ? `${c.caller.name} ${c.caller.phone ?? ''}`.trim() : t('detail.callerHidden')}
            </span>
            {c.caller?.visibility === 'masked' && <Tag style={{ marginLeft: 8 }}>{t('detail.masked')}</Tag>}
            {c.caller && c.caller.callbackBy !== 'phone' && (
              <Tag color="orange" style={{ marginLeft: 8 }} data-testid="callback-by" data-callback-by={c.caller.callbackBy}>
                {t(`detail.callbackBy.${c.caller.callbackBy}`)}
              </Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('case.address')}>{c.address}</Descriptions.Item>
          <Descriptions.Item label={t('case.place')}>
            {[c.street?.name, c.community?.name, c.grid?.name].filter(Boolean).join(' / ')}
          </Descriptions.Item>
          <Descriptions.Item label={t('case.leadDepartment')}>{c.leadDepartment?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('case.assisting')}>
            {c.assistingDepartments.map((d) => d.name).join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('case.receivedAt')}>{time(c.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('case.deadline')}>{time(c.sla.deadline)}</Descriptions.Item>
          <Descriptions.Item label={t('case.counters')}>{t('detail.counters', c.counters)}</Descriptions.Item>
          <Descriptions.Item label={t('case.result')} span={3}>
            {c.result ?? '—'}
          </Descriptions.Item>
          {c.mergedCases.length > 0 && (
            <Descriptions.Item label={t('detail.duplicates')} span={3}>
              {c.mergedCases.map((m) => (
                <Link key={m.id} to={`/cases/${m.id}`} style={{ marginRight: 8 }}>
                  {m.caseNo}
                </Link>
              ))}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card title={t('detail.map')} size="small">
            {grids.data && (
              <GridMap
                grids={grids.data}
                highlight={
                  c.grid ? [c.grid.code] : grids.data.filter((g) => g.community.code === c.community?.code).map((g) => g.code)
                }
                point={c.lat != null && c.lng != null ? [c.lng, c.lat] : null}
                height={340}
                testId="case-map"
                renderer="svg"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('detail.timeline')} size="small" data-testid="timeline">
            <Timeline
              items={(events.data ?? []).map((e) => ({
                color: e.type === 'slaBreached' ? 'red' : e.type === 'slaWarned' ? 'orange' : 'blue',
                children: (
                  <div data-event={e.type}>
                    <Typography.Text strong>{t(`event.${e.type}`, { defaultValue: e.type })}</Typography.Text>{' '}
                    <Typography.Text type="secondary">
                      {time(e.at)} · {e.actor.name}
                    </Typography.Text>
                    {e.fromStatus !== e.toStatus && e.toStatus && (
                      <Tag style={{ marginLeft: 8 }}>
                        {t(`status.${e.fromStatus}`, { defaultValue: '—' })} → {t(`status.${e.toStatus}`)}
                      </Tag>
                    )}
                    {e.note && <div>{e.note}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {user.role === 'operator' && <Typography.Text type="secondary">{t('detail.operatorHint')}</Typography.Text>}
    </Space>
  );
}
