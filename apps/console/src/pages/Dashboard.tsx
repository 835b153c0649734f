import { useMemo, useState } from 'react';
import { Button, Card, Col, DatePicker, Row, Segmented, Select, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { RATE_DEFINITIONS, RATE_NAMES, REPORTED_RATE_NAMES, type DrillableFigure, type RateName } from '@hotline/stats/values';
import { api, RankingsReport, RateRow, RatesReport, SessionUser, TrendsReport } from '../api';
import { useApiErrors } from '../components/CaseActions';
import { EChart } from '../components/EChart';
import GridMap from '../components/GridMap';
import { useLoad } from '../hooks';
import { reference } from '../reference';

/** The counts the dashboard shows beside the rates (a choice of screen, among the API's figures). */
const COUNTS = [
  'received',
  'dispatched',
  'replied',
  'calledBack',
  'returned',
  'reopened',
  'overdueNow',
] as const satisfies readonly DrillableFigure[];
const GROUPS = ['department', 'street', 'community', 'grid'] as const;

const percent = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);
/** The district's midnight of a picked day (the rollup answers whole district days). */
const districtMidnight = (d: Dayjs) => `${d.format('YYYY-MM-DD')}T00:00:00+08:00`;

/**
 * Today as the district counts it (Asia/Shanghai), whatever zone the browser is in: a browser on UTC
 * would otherwise end the default period at its own midnight, eight hours before the district's, and
 * leave out everything done after 16:00 UTC (00:00 in the district) from "today".
 */
const districtToday = (): Dayjs =>
  dayjs(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(),
    ),
  );

/**
 * 统计分析: the five rates by department and by street/community/grid, trends, rankings, the grid map
 * coloured by a chosen rate (from the seed GeoJSON, no tiles), drill-down into the cases behind every
 * figure, and the export. All from GET /api/v1/stats/*.
 */
export default function Dashboard({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const showError = useApiErrors();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(() => [districtToday().subtract(29, 'day'), districtToday()]);
  const [groupBy, setGroupBy] = useState<(typeof GROUPS)[number]>('department');
  const [rate, setRate] = useState<RateName>('satisfactionRate');
  const period = useMemo(
    () => (range ? { from: districtMidnight(range[0]), to: districtMidnight(range[1].add(1, 'day')) } : {}),
    [range],
  );
  const key = JSON.stringify(period);
  const report = useLoad(() => api.get<RatesReport>('/stats/rates', { groupBy, ...period }), [groupBy, key]);
  const byGrid = useLoad(() => api.get<RatesReport>('/stats/rates', { groupBy: 'grid', ...period }), [key]);
  const trends = useLoad(() => api.get<TrendsReport>('/stats/trends', { interval: 'day', ...period }), [key]);
  const rankings = useLoad<Pick<RankingsReport, 'rows'>>(
    () =>
      user.role === 'departmentLead'
        ? Promise.resolve({ rows: [] })
        : api.get<RankingsReport>('/stats/rankings', { by: groupBy === 'department' ? 'department' : 'street', ...period }),
    [groupBy, key],
  );
  const grids = useLoad(() => reference.grids(), []);

  /** Opens the cases behind one figure, with the same period and group as the figure. */
  const drill = (figure: DrillableFigure, group?: { dimension: string; code: string }) => {
    const params = new URLSearchParams({ figure, ...(period as Record<string, string>) });
    if (group) params.set(group.dimension, group.code);
    navigate(`/cases?${params}`);
  };

  const gridValues = useMemo(() => {
    const values: Record<string, number | null> = {};
    for (const row of byGrid.data?.rows ?? []) values[row.key.code] = row[rate];
    return values;
  }, [byGrid.data, rate]);

  const trendOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => percent(v) },
      legend: { data: RATE_NAMES.map((r) => t(`rate.${r}`)) },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: (trends.data?.series ?? []).map((s) => s.period) },
      yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${v * 100}%` } },
      series: RATE_NAMES.map((r) => ({
        name: t(`rate.${r}`),
        type: 'line',
        connectNulls: true,
        data: (trends.data?.series ?? []).map((s) => s[r]),
      })),
    }),
    [trends.data, t],
  );
  const rankingRows = (rankings.data?.rows ?? []).slice(0, 10);
  const rankingOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 140, right: 24, top: 8, bottom: 24 },
      xAxis: { type: 'value', min: 0, max: 1 },
      yAxis: { type: 'category', inverse: true, data: rankingRows.map((r) => `${r.rank}. ${r.key.name}`) },
      series: [{ type: 'bar', data: rankingRows.map((r) => r.score), itemStyle: { color: '#c8102e' } }],
    }),
    [rankingRows],
  );

  const total = report.data?.total;
  const exportAs = (format: 'csv' | 'xlsx') =>
    api.download('/stats/rates/export', { groupBy, format, ...period }, `rates.${format}`).catch(showError);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <DatePicker.RangePicker value={range} onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)} allowClear />
          <Segmented
            value={groupBy}
            onChange={(v) => setGroupBy(v)}
            options={GROUPS.map((g) => ({ value: g, label: t(`filter.${g}`) }))}
          />
          <Select
            value={rate}
            style={{ width: 160 }}
            onChange={setRate}
            options={RATE_NAMES.map((r) => ({ value: r, label: t(`rate.${r}`) }))}
            data-testid="rate-select"
          />
          <Button onClick={() => void exportAs('csv')}>{t('dashboard.exportCsv')}</Button>
          <Button onClick={() => void exportAs('xlsx')}>{t('dashboard.exportXlsx')}</Button>
          {report.data && (
            <Typography.Text type="secondary">
              {t('dashboard.source', { source: report.data.source, at: report.data.generatedAt.slice(11, 19) })}
            </Typography.Text>
          )}
        </Space>
      </Card>
      <Row gutter={[12, 12]} data-testid="dashboard-totals">
        {/* The five rates, then the watched ones (repeatRate: lower is better), defined in libs/stats. */}
        {REPORTED_RATE_NAMES.map((r) => (
          <Col key={r} xs={12} md={8} xl={4}>
            <Card size="small" hoverable onClick={() => drill(RATE_DEFINITIONS[r].denominator)} data-rate={r}>
              <Statistic title={t(`rate.${r}`)} value={percent(total?.[r])} />
              <Typography.Text type="secondary">
                {total ? `${total[RATE_DEFINITIONS[r].numerator]} / ${total[RATE_DEFINITIONS[r].denominator]}` : ''}
              </Typography.Text>
            </Card>
          </Col>
        ))}
        <Col xs={12} md={8} xl={4}>
          <Card size="small" hoverable onClick={() => drill('overdueNow')} data-figure="overdueNow">
            <Statistic title={t('figure.overdueNow')} value={total?.overdueNow ?? '—'} valueStyle={{ color: '#cf1322' }} />
            <Typography.Text type="secondary">
              {t('figure.received')} {total?.received ?? '—'}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('dashboard.byGroup', { group: t(`filter.${groupBy}`) })}>
            <Table<RateRow>
              rowKey={(r) => r.key.code}
              size="small"
              loading={report.loading}
              dataSource={report.data?.rows ?? []}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              data-testid="rates-table"
              scroll={{ x: true }}
              columns={[
                {
                  title: t(`filter.${groupBy}`),
                  render: (_, r) => (r.key.code === '_none' ? t('dashboard.none') : r.key.name),
                  fixed: 'left',
                },
                ...COUNTS.map((f) => ({
                  title: t(`figure.${f}`),
                  render: (_: unknown, r: RateRow) => (
                    <a onClick={() => drill(f, { dimension: groupBy, code: r.key.code })}>{r[f]}</a>
                  ),
                })),
                ...RATE_NAMES.map((name) => ({
                  title: t(`rate.${name}`),
                  render: (_: unknown, r: RateRow) => (
                    <a
                      onClick={() => drill(RATE_DEFINITIONS[name].denominator, { dimension: groupBy, code: r.key.code })}
                      data-cell={`${r.key.code}:${name}`}
                    >
                      {percent(r[name])}
                    </a>
                  ),
                })),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('dashboard.gridMap', { rate: t(`rate.${rate}`) })}>
            {grids.data && (
              <GridMap
                grids={grids.data}
                values={gridValues}
                label={t(`rate.${rate}`)}
                height={380}
                testId="grid-map"
                onSelect={(code) => code && drill(RATE_DEFINITIONS[rate].denominator, { dimension: 'grid', code })}
              />
            )}
          </Card>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('dashboard.trends')}>
            <EChart option={trendOption} height={300} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('dashboard.ranking')}>
            {rankingRows.length ? (
              <EChart option={rankingOption} height={300} />
            ) : (
              <Typography.Text type="secondary">{t('dashboard.noRanking')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
