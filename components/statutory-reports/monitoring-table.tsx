'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { emptyReading, type ReadingRow } from './report-form-state';
import styles from './statutory-reports.module.css';

const COLUMNS = ['pollutant', 'value', 'unit', 'point', 'takenAt'] as const;

/** 监测数据: pollutant, value with its unit, where and when; rows added and removed by the officer. */
export function MonitoringTable({ rows, onChange }: { rows: ReadingRow[]; onChange: (rows: ReadingRow[]) => void }) {
  const t = useTranslations('statutoryReports');
  const setCell = (index: number, column: (typeof COLUMNS)[number], value: string) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, [column]: value } : row)));

  return (
    <fieldset data-testid="monitoring">
      <legend>{t('editor.monitoring')}</legend>
      {rows.length === 0 && <p className={styles.muted}>{t('editor.noReadings')}</p>}
      {rows.length > 0 && (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col">
                    {t(`editor.${column}`)}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('editor.removeReading', { row: '' })}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={index} data-testid="monitoring-row">
                  {COLUMNS.map((column) => (
                    <td key={column}>
                      <input
                        aria-label={`${t(`editor.${column}`)} ${index + 1}`}
                        data-testid={`monitoring-${column}`}
                        type={column === 'takenAt' ? 'datetime-local' : 'text'}
                        inputMode={column === 'value' ? 'decimal' : undefined}
                        value={row[column]}
                        onChange={(event) => setCell(index, column, event.target.value)}
                      />
                    </td>
                  ))}
                  <td>
                    <Button data-testid="monitoring-remove" onClick={() => onChange(rows.filter((_, at) => at !== index))}>
                      {t('editor.removeReading', { row: index + 1 })}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Button data-testid="monitoring-add" onClick={() => onChange([...rows, emptyReading()])}>
        {t('editor.addReading')}
      </Button>
    </fieldset>
  );
}
