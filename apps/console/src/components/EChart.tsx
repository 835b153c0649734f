import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { GridInfo } from '../api';

// Only the chart types the console draws, so the ECharts chunk stays small.
echarts.use([
  BarChart,
  LineChart,
  MapChart,
  GridComponent,
  LegendComponent,
  MarkPointComponent, // the case's pin on the grid map
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
  SVGRenderer, // the case's map: its labels and pin are elements a reader (and a browser test) can find
]);

/** The district's grids as an ECharts map named "xigang", from the API's GeoJSON: no map tiles, nothing from the internet. */
export function registerGridMap(grids: GridInfo[]): string {
  if (!echarts.getMap('xigang')) {
    echarts.registerMap('xigang', {
      type: 'FeatureCollection',
      features: grids.map((g) => ({ type: 'Feature', properties: { name: g.code }, geometry: g.geometry })),
    } as never);
  }
  return 'xigang';
}

/**
 * A chart that follows its option and the container's size; `onClick` gets the clicked item's name and,
 * on a map, the clicked spot in the map's coordinates (longitude, latitude).
 */
export function EChart({
  option,
  height = 320,
  onClick,
  testId,
  renderer = 'canvas',
}: {
  option: echarts.EChartsCoreOption;
  height?: number;
  onClick?: (name: string, spot?: [number, number]) => void;
  testId?: string;
  renderer?: 'canvas' | 'svg';
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>();
  useEffect(() => {
    chart.current = echarts.init(ref.current, undefined, { renderer });
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
    };
  }, [renderer]);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  useEffect(() => {
    chart.current?.off('click');
    if (onClick)
      chart.current?.on('click', (params) => {
        const { name, event } = params as { name?: string; event?: { offsetX: number; offsetY: number } };
        const spot = event && chart.current?.convertFromPixel({ seriesIndex: 0 }, [event.offsetX, event.offsetY]);
        onClick(String(name ?? ''), Array.isArray(spot) ? [Number(spot[0]), Number(spot[1])] : undefined);
      });
  }, [onClick]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
