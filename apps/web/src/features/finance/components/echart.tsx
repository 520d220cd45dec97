import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption, RadarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, RadarComponentOption, TooltipComponentOption } from 'echarts/components';

// Tree-shaken ECharts: only what the finance charts draw. The canvas renderer styles its nodes through the CSSOM,
// which the CSP (no inline styles) allows.
echarts.use([RadarChart, BarChart, LineChart, RadarComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | RadarSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | RadarComponentOption
  | TooltipComponentOption
>;

/**
 * A chart as an image with a text alternative (`label`); the same figures are always also shown in a table.
 */
export function EChart({ option, label, className }: { option: ChartOption; label: string; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(option);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.setOption(JSON.parse(key) as ChartOption);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [key]);
  return <div ref={ref} role="img" aria-label={label} className={className ?? 'h-72 w-full'} />;
}
