/**
 * chart.js, loaded on first use (a dynamic import: only the progress screen pulls it, never the
 * first load) with only the pieces the dashboard draws (bar and line charts).
 */
export type ChartKind = 'bar' | 'line';
export interface Drawn {
  destroy(): void;
}

let loaded: Promise<typeof import('chart.js')> | null = null;

async function chartJs() {
  loaded ??= import('chart.js').then((m) => {
    m.Chart.register(
      m.BarController,
      m.LineController,
      m.BarElement,
      m.LineElement,
      m.PointElement,
      m.CategoryScale,
      m.LinearScale,
      m.Tooltip,
    );
    return m;
  });
  return loaded;
}

export async function drawChart(
  canvas: HTMLCanvasElement,
  kind: ChartKind,
  labels: string[],
  values: number[],
  unit: string,
  max?: number,
): Promise<Drawn> {
  const { Chart } = await chartJs();
  const accent = getComputedStyle(canvas).getPropertyValue('--accent').trim() || '#1d4ed8';
  return new Chart(canvas, {
    type: kind,
    data: {
      labels,
      datasets: [
        { label: unit, data: values, backgroundColor: accent, borderColor: accent, tension: 0.2 },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      responsive: true,
      scales: { y: { beginAtZero: true, ...(max !== undefined ? { max } : {}) } },
      plugins: { legend: { display: false } },
    },
  });
}
