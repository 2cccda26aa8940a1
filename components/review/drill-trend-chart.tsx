'use client';

import { CategoryScale, Chart as ChartJS, Legend, LinearScale, LineElement, PointElement, Tooltip } from 'chart.js';
import { useFormatter, useTranslations } from 'next-intl';
import { Line } from 'react-chartjs-2';
import type { DrillHistoryEntry, ScoreTarget } from '@/server/contracts/review';
import styles from './review.module.css';

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Legend, Tooltip);

const SERIES: { target: ScoreTarget; colour: string }[] = [
  { target: 'everyoneAcknowledged', colour: '#3b82f6' },
  { target: 'firstOnScene', colour: '#16a34a' },
  { target: 'allRolesOnScene', colour: '#065f46' },
  { target: 'initialReportSigned', colour: '#b91c1c' },
];

/** A plan's drills over time: each target's time in minutes per drill (a gap where it was not reached). */
export function DrillTrendChart({ drills }: { drills: DrillHistoryEntry[] }) {
  const t = useTranslations('review');
  const format = useFormatter();
  const minutes = (drill: DrillHistoryEntry, target: ScoreTarget) => {
    const seconds = drill.scoreCard.lines.find((line) => line.target === target)?.actualSeconds;
    return seconds === null || seconds === undefined ? null : Math.round((seconds / 60) * 10) / 10;
  };
  return (
    <div className={styles.chart} data-testid="drill-trend">
      <Line
        aria-label={t('drills.historyTitle')}
        role="img"
        data={{
          labels: drills.map((drill) => format.dateTime(new Date(drill.createdAt), { month: '2-digit', day: '2-digit' })),
          datasets: SERIES.map(({ target, colour }) => ({
            label: t(`score.${target}`),
            data: drills.map((drill) => minutes(drill, target)),
            borderColor: colour,
            backgroundColor: colour,
            spanGaps: true,
          })),
        }}
        options={{
          responsive: true,
          aspectRatio: 2.5,
          animation: false,
          scales: { y: { beginAtZero: true, title: { display: true, text: t('drills.trendAxis') } } },
          plugins: { legend: { position: 'bottom' } },
        }}
      />
    </div>
  );
}
