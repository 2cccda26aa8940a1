'use client';

import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js';
import { useTranslations } from 'next-intl';
import { Bar } from 'react-chartjs-2';
import { ASSIGNMENT_STATUSES } from '@/server/contracts/assignment-lifecycle';
import { STATE_COLOURS, type SwimlaneLane } from '@/server/contracts/review';
import styles from './review.module.css';

ChartJS.register(BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Who was in which state when: one horizontal lane per person, a floating bar per state, x = minutes since the press. */
export function SwimlaneChart({ lanes }: { lanes: SwimlaneLane[] }) {
  const t = useTranslations('review');
  const tc = useTranslations('common');
  const datasets = ASSIGNMENT_STATUSES.map((state) => ({
    label: tc(`assignmentStatus.${state}`),
    backgroundColor: STATE_COLOURS[state],
    data: lanes.map((lane) => {
      const segment = lane.segments.find((candidate) => candidate.state === state);
      return segment ? ([segment.fromMinutes, segment.toMinutes] as [number, number]) : null;
    }),
    grouped: false,
    barPercentage: 0.8,
  })).filter((dataset) => dataset.data.some((value) => value !== null));
  const height = Math.max(160, lanes.length * 28 + 80);

  return (
    <div className={styles.chart} style={{ height }} data-testid="review-swimlane">
      <Bar
        aria-label={t('chart.title')}
        role="img"
        data={{ labels: lanes.map((lane) => lane.label), datasets }}
        options={{
          indexAxis: 'y',
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: {
            x: { type: 'linear', min: 0, title: { display: true, text: t('chart.axis') } },
            y: { stacked: true },
          },
          plugins: {
            legend: { position: 'bottom' },
            tooltip: {
              callbacks: {
                label: (item) => {
                  const [from, to] = item.raw as [number, number];
                  return `${item.dataset.label}: ${from.toFixed(1)}–${to.toFixed(1)}`;
                },
              },
            },
          },
        }}
      />
    </div>
  );
}
