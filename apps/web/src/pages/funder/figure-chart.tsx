import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

// Only the parts the funders' pages draw: Chart.js is tree-shaken to bars and lines (about 60 KB gzipped),
// and this module is loaded with the pages that use it, not with the app.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
Chart.defaults.color = '#1b1b1f';
Chart.defaults.borderColor = '#c9c9d1';
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

/** Colours with at least 3:1 contrast on white (WCAG 1.4.11), told apart by shape and dash too. */
export const CHART_COLOURS = { primary: '#1d4f91', secondary: '#a1111b', neutral: '#4a4a55', tertiary: '#1f5f2a', quaternary: '#7a4b00' };

export const EUROS_AXIS = {
  ticks: { callback: (value: string | number) => `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 }).format(Number(value))} €` },
};

/**
 * A chart drawn on a canvas, described in words for those who cannot see it (the same figures are
 * in a table beside it). `onDrawn` gets the chart as drawn, e.g. to expose what its last point is.
 */
export function FigureChart({
  config,
  description,
  caption,
  onDrawn,
}: {
  config: ChartConfiguration;
  description: string;
  caption: string;
  onDrawn?: (chart: Chart, canvas: HTMLCanvasElement) => void;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify(config.data);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const chart = new Chart(canvas, config);
    onDrawn?.(chart, canvas);
    return () => chart.destroy();
  }, [key]);
  return (
    <figure className="chart">
      <div className="chart-box">
        <canvas ref={ref} role="img" aria-label={description}>
          {description}
        </canvas>
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
