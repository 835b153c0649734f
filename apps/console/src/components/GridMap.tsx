import { useMemo } from 'react';
import type { GridInfo } from '../api';
import { EChart, registerGridMap } from './EChart';

/** The case's pin on the map. */
const CASE_POINT_COLOUR = '#f5222d';

/**
 * The district's grids drawn from the seed GeoJSON. With `values` the grids are coloured by them (a
 * rate 0–1); with `highlight` some grids stand out (a case's grid, or its community's grids); every grid is
 * labelled by its community and number (云峰1), and `point` (WGS-84 [lng, lat]) is pinned. Clicking a grid calls `onSelect` with the grid and the spot clicked (WGS-84 lng, lat, as the GeoJSON).
 */
export default function GridMap({
  grids,
  values,
  highlight,
  point,
  label,
  height = 360,
  onSelect,
  testId,
  renderer,
}: {
  grids: GridInfo[];
  values?: Record<string, number | null>;
  highlight?: string[];
  point?: [number, number] | null;
  label?: string;
  height?: number;
  onSelect?: (gridCode: string, spot?: [number, number]) => void;
  testId?: string;
  renderer?: 'canvas' | 'svg';
}) {
  const option = useMemo(() => {
    const map = registerGridMap(grids);
    const names = new Map(grids.map((g) => [g.code, g.name]));
    // A grid's label fits inside it: its community without 社区 and its number (云峰1); the tooltip has the full name.
    const labels = new Map(
      grids.map((g) => [g.code, `${g.community.name.replace(/社区$/, '')}${/第(\d+)网格$/.exec(g.name)?.[1] ?? ''}`]),
    );
    const data = grids.map((g) => {
      if (values) return { name: g.code, value: values[g.code] ?? null };
      const on = highlight?.includes(g.code);
      return { name: g.code, value: on ? 1 : 0, itemStyle: on ? { areaColor: '#1677ff' } : undefined };
    });
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; value: number }) =>
          `${names.get(p.name) ?? p.name}${values && p.value != null && !Number.isNaN(p.value) ? `<br/>${label ?? ''} ${(p.value * 100).toFixed(1)}%` : ''}`,
      },
      visualMap: values
        ? {
            min: 0,
            max: 1,
            left: 8,
            bottom: 8,
            calculable: true,
            text: ['100%', '0%'],
            inRange: { color: ['#f5222d', '#faad14', '#52c41a'] },
            formatter: (v: number) => `${Math.round(v * 100)}%`,
          }
        : undefined,
      series: [
        {
          type: 'map',
          map,
          roam: true,
          selectedMode: false,
          data,
          itemStyle: { areaColor: values ? '#eeeeee' : '#e6f4ff', borderColor: '#8c8c8c', borderWidth: 0.6 },
          label: { show: true, fontSize: 9, color: '#434343', formatter: (p: { name: string }) => labels.get(p.name) ?? p.name },
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#91caff' } },
          markPoint: point
            ? {
                symbol: 'pin',
                symbolSize: 36,
                label: { show: false },
                data: [{ name: 'case', coord: point, itemStyle: { color: CASE_POINT_COLOUR } }],
              }
            : undefined,
        },
      ],
    };
  }, [grids, values, highlight, point, label]);
  return <EChart option={option} height={height} onClick={onSelect} testId={testId} renderer={renderer} />;
}
