import { useMemo } from 'react';
import type { GridInfo } from '../api';
import { EChart, registerGridMap } from './EChart';

/**
 * The district's grids drawn from the seed GeoJSON. With `values` the grids are coloured by them (a
 * rate 0–1); with `highlight` some grids stand out (a case's grid, or its community's grids). Clicking a grid calls `onSelect` with the grid and the spot clicked (WGS-84 lng, lat, as the GeoJSON).
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
}: {
  grids: GridInfo[];
  values?: Record<string, number | null>;
  highlight?: string[];
  point?: [number, number] | null;
  label?: string;
  height?: number;
  onSelect?: (gridCode: string, spot?: [number, number]) => void;
  testId?: string;
}) {
  const option = useMemo(() => {
    const map = registerGridMap(grids);
    const names = new Map(grids.map((g) => [g.code, g.name]));
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
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#91caff' } },
          markPoint: point
            ? { symbol: 'pin', symbolSize: 36, data: [{ coord: point, itemStyle: { color: '#f5222d' } }] }
            : undefined,
        },
      ],
    };
  }, [grids, values, highlight, point, label]);
  return <EChart option={option} height={height} onClick={onSelect} testId={testId} />;
}
