import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

// Blue and orange tell apart for the common colour-vision deficiencies, then dark colours of the
// Okabe–Ito set for more series (units side by side); each series also has its name in the legend
// and every number in the table beside the chart.
const COLOURS = ['#0a4a86', '#b34700', '#4a4a4a', '#00735c', '#8a2b8a', '#6b5900'];

export interface Series {
  label: string;
  values: number[];
}

/**
 * A bar chart drawn by Chart.js. It is a picture of the table that always comes with it, so it
 * is hidden from screen readers, which read the table.
 */
export function BarChart({
  labels,
  series,
  horizontal = false,
  percent = false,
  height = 240,
}: {
  labels: string[];
  series: Series[];
  horizontal?: boolean;
  percent?: boolean;
  height?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const chart = new Chart(canvas.current!, {
      type: 'bar',
      data: {
        labels,
        datasets: series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: COLOURS[i % COLOURS.length] })),
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: series.length > 1 } },
        scales: {
          [horizontal ? 'x' : 'y']: {
            beginAtZero: true,
            ...(percent ? { max: 1, ticks: { format: { style: 'percent' } } } : { ticks: { precision: 0 } }),
          },
        },
      },
    });
    return () => chart.destroy();
  }, [labels, series, horizontal, percent]);
  return (
    <div className="chart" style={{ height }} aria-hidden="true">
      <canvas ref={canvas} />
    </div>
  );
}
