import { BarChart, LineChart, ScatterChart } from "echarts/charts";
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([
  LineChart,
  BarChart,
  ScatterChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  MarkLineComponent,
  SVGRenderer,
]);

/** Options accepted by the chart. */
export type ChartOption = echarts.EChartsCoreOption;

/** An ECharts chart (SVG renderer) that resizes with its box; `onPick` gets the clicked item's data. */
export function Chart({
  option,
  height = 260,
  label,
  onPick,
}: {
  option: ChartOption;
  height?: number;
  label: string;
  onPick?: (data: unknown) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, null, { renderer: "svg" });
    chart.setOption(option);
    chart.on("click", (p) => pick.current?.(p.data));
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(box.current);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={box} className="chart" style={{ height }} role="img" aria-label={label} />;
}
