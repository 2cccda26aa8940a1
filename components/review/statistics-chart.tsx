'use client';

import { BarElement, CategoryScale, Chart as ChartJS, LinearScale, Tooltip } from 'chart.js';
import { useTranslations } from 'next-intl';
import { Bar } from 'react-chartjs-2';
import styles from './review.module.css';

ChartJS.register(BarElement, CategoryScale, LinearScale, Tooltip);

/** Incidents per bucket (each month of the period, or each type for a single month). */
export function StatisticsChart({ bars, label }: { bars: { label: string; count: number }[]; label: string }) {
  const t = useTranslations('review.statistics');
  return (
    <div className={styles.chart} data-testid="statistics-chart">
      <Bar
        aria-label={label}
        role="img"
        data={{
          labels: bars.map((bar) => bar.label),
          datasets: [{ label: t('count'), data: bars.map((bar) => bar.count), backgroundColor: '#1e3a8a' }],
        }}
        options={{
          responsive: true,
          aspectRatio: 3,
          animation: false,
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
          plugins: { legend: { display: false } },
        }}
      />
    </div>
  );
}
