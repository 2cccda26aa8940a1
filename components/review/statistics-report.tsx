import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { formatDuration } from '@/server/contracts/review';
import { SEVERITY_LABELS } from '@/server/contracts/severity';
import { STATISTICS_PERIODS, type IncidentStatistics } from '@/server/contracts/statistics';
import { StatisticsChart } from './statistics-chart';
import styles from './review.module.css';

/** 统计报表: the period picker (a plain GET form), the chart, the tables and the exports. */
export async function StatisticsReport({ stats, years }: { stats: IncidentStatistics; years: number[] }) {
  const t = await getTranslations('review.statistics');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const locale = await getLocale();
  const typeName = (type: string) => (tc.has(`incidentTypes.${type}`) ? tc(`incidentTypes.${type}`) : type);
  const severityName = (severity: string) =>
    severity === 'unset' ? t('unset') : SEVERITY_LABELS[severity as keyof typeof SEVERITY_LABELS][locale === 'en' ? 'en' : 'zh'];
  const query = `period=${stats.period}&year=${stats.year}&index=${stats.index}`;
  const day = (iso: string) => format.dateTime(new Date(iso), { year: 'numeric', month: '2-digit', day: '2-digit' });
  const bars =
    stats.byMonth.length > 1
      ? stats.byMonth.map((row) => ({ label: row.month, count: row.count }))
      : stats.byType.map((row) => ({ label: typeName(row.incidentType), count: row.count }));

  return (
    <div className={styles.page} data-testid="statistics-page">
      <div className={styles.header}>
        <div>
          <h1 className={styles.title}>
            {t('title')} · {stats.year} {t(`indexLabel.${stats.period}`, { index: stats.index })}
          </h1>
          <p className={styles.meta}>
            {t('range', { from: day(stats.from), to: day(new Date(new Date(stats.to).getTime() - 1).toISOString()) })}
          </p>
        </div>
        <div className={styles.actions}>
          <a href={`/api/statistics?${query}&format=xlsx`} download data-testid="statistics-xlsx">
            {t('exportXlsx')}
          </a>
          <a href={`/api/statistics?${query}&format=csv`} download data-testid="statistics-csv">
            {t('exportCsv')}
          </a>
        </div>
      </div>
      <form className={`${styles.filters} ${styles.noPrint}`} method="get" action="/statistics">
        <label>
          {t('period')}
          <select name="period" defaultValue={stats.period}>
            {STATISTICS_PERIODS.map((period) => (
              <option key={period} value={period}>
                {t(`periods.${period}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('year')}
          <select name="year" defaultValue={String(stats.year)}>
            {years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('index')}
          <select name="index" defaultValue={String(stats.index)}>
            {Array.from({ length: 12 }, (_, offset) => offset + 1).map((index) => (
              <option key={index} value={index}>
                {index}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('show')}</button>
      </form>
      <section className={styles.section}>
        <h2>
          {t('total')}: <span data-testid="statistics-total">{stats.total}</span>
        </h2>
        {stats.total === 0 ? <p className={styles.muted}>{t('empty')}</p> : <StatisticsChart bars={bars} label={t('byMonth')} />}
      </section>
      <div className={styles.grid}>
        <CountTable
          title={t('byType')}
          heading={t('type')}
          countLabel={t('count')}
          rows={stats.byType.map((row) => ({ key: row.incidentType, label: typeName(row.incidentType), count: row.count }))}
        />
        <CountTable
          title={t('bySeverity')}
          heading={t('severity')}
          countLabel={t('count')}
          rows={stats.bySeverity.map((row) => ({ key: row.severity, label: severityName(row.severity), count: row.count }))}
        />
        <section className={styles.section}>
          <h2>{t('times')}</h2>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t('measure')}</th>
                <th scope="col" className={styles.num}>
                  {t('median')}
                </th>
                <th scope="col" className={styles.num}>
                  {t('worst')}
                </th>
                <th scope="col" className={styles.num}>
                  {t('samples')}
                </th>
              </tr>
            </thead>
            <tbody>
              {(['toAcknowledged', 'toOnScene'] as const).map((measure) => (
                <tr key={measure}>
                  <td>{t(measure)}</td>
                  <td className={styles.num}>{formatDuration(stats[measure].medianSeconds)}</td>
                  <td className={styles.num}>{formatDuration(stats[measure].worstSeconds)}</td>
                  <td className={styles.num}>{stats[measure].count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </div>
  );
}

/** One breakdown of the period's incidents (by type, by severity): a label and a count per row. */
function CountTable({
  title,
  heading,
  countLabel,
  rows,
}: {
  title: string;
  heading: string;
  countLabel: string;
  rows: { key: string; label: string; count: number }[];
}) {
  return (
    <section className={styles.section}>
      <h2>{title}</h2>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col" className={styles.num}>
              {countLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>{row.label}</td>
              <td className={styles.num}>{row.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
