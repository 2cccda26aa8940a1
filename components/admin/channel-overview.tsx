import { getFormatter, getTranslations } from 'next-intl/server';
import type { ChannelOverview as Overview } from '@/server/notify/get-channel-overview';
import { Badge } from '../ui/badge';
import { Card } from '../ui/form-field';
import styles from './admin.module.css';
import own from './channel-overview.module.css';

/** Which channels reach people beyond the open page, and how the outbox fared in the last day. */
export async function ChannelOverview({ overview }: { overview: Overview }) {
  const t = await getTranslations('channels');
  const format = await getFormatter();
  const external = overview.channels.filter((channel) => channel.isConfigured);
  const needsLinks = external.some((channel) => channel.channel !== 'web_push');
  const reasonText = (lastError: string | null) => {
    const code = (lastError ?? '').split(':')[0]!.trim();
    const key = code.startsWith('http_') ? 'http' : code;
    return t.has(`reason.${key}` as never)
      ? t('outbox.reasonDetail', { reason: t(`reason.${key}` as never), detail: lastError ?? '' })
      : (lastError ?? '');
  };

  return (
    <>
      {external.length === 0 && (
        <p className={own.warning} role="status" data-testid="channels-only-in-app">
          {t('onlyInApp')}
        </p>
      )}
      {needsLinks && !overview.hasPublicBaseUrl && (
        <p className={own.warning} role="status">
          {t('baseUrlMissing', { url: overview.linkBaseUrl })}
        </p>
      )}

      <Card>
        <div className={styles.tableWrap}>
          <table className={styles.table} data-testid="channel-table">
            <caption className="visually-hidden">{t('table.caption')}</caption>
            <thead>
              <tr>
                <th>{t('table.channel')}</th>
                <th>{t('table.status')}</th>
                <th>{t('table.variables')}</th>
                <th>{t('table.carries')}</th>
              </tr>
            </thead>
            <tbody>
              <tr data-channel="in_app">
                <td>
                  <strong>{t('channel.in_app')}</strong>
                  <div className={styles.muted}>{t('channelNote.in_app')}</div>
                </td>
                <td className={own.status}>
                  <Badge tone="success">{t('status.always')}</Badge>
                </td>
                <td className={styles.muted}>—</td>
                <td>{t('table.carriesAll')}</td>
              </tr>
              {overview.channels.map((channel) => (
                <tr key={channel.channel} data-channel={channel.channel} data-configured={channel.isConfigured}>
                  <td>
                    <strong>{t(`channel.${channel.channel}`)}</strong>
                    <div className={styles.muted}>{t(`channelNote.${channel.channel}`, { bot: t(`botKind.${overview.botKind}`) })}</div>
                  </td>
                  <td className={own.status}>
                    <Badge tone={channel.isConfigured ? 'success' : 'neutral'}>
                      {channel.isConfigured ? t('status.on') : t('status.off')}
                    </Badge>
                  </td>
                  <td>
                    {channel.variables.map((variable) => (
                      <div key={variable.name} className={styles.nowrap}>
                        <code className={styles.mono}>{variable.name}</code>{' '}
                        <span className={styles.muted}>
                          {variable.isSet
                            ? `✓ ${t('variable.set')}`
                            : variable.isOptional
                              ? t('variable.optional')
                              : `✗ ${t('variable.missing')}`}
                        </span>
                      </div>
                    ))}
                  </td>
                  <td>{channel.kinds.map((kind) => t(`kind.${kind}`)).join('、')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      <Card>
        <h2 className={styles.subtitle}>{t('outbox.title')}</h2>
        <div className={own.counts} data-testid="outbox-counts">
          {(['pending', 'sent', 'failed', 'cancelled'] as const).map((status) => (
            <div key={status} data-status={status}>
              <div className={status === 'failed' && overview.counts.failed > 0 ? own.countFailed : own.count}>
                {overview.counts[status]}
              </div>
              <div className={styles.muted}>
                {t(`outbox.${status}`)}
                {status === 'cancelled' && ` · ${t('outbox.cancelledHint')}`}
              </div>
            </div>
          ))}
        </div>
        <h3 className={styles.subtitle}>{t('outbox.failuresTitle')}</h3>
        {overview.failures.length === 0 ? (
          <p className={styles.muted}>{t('outbox.noFailures')}</p>
        ) : (
          <div className={styles.tableWrap}>
            <table className={styles.table} data-testid="outbox-failures">
              <thead>
                <tr>
                  <th>{t('outbox.time')}</th>
                  <th>{t('outbox.channel')}</th>
                  <th>{t('outbox.kind')}</th>
                  <th>{t('outbox.recipient')}</th>
                  <th>{t('outbox.reason')}</th>
                  <th>{t('outbox.attempts')}</th>
                </tr>
              </thead>
              <tbody>
                {overview.failures.map((failure) => (
                  <tr key={failure.id}>
                    <td className={styles.nowrap}>
                      {format.dateTime(new Date(failure.createdAt), {
                        month: '2-digit',
                        day: '2-digit',
                        hour: '2-digit',
                        minute: '2-digit',
                      })}
                    </td>
                    <td>{t(`channel.${failure.channel}`)}</td>
                    <td>
                      {failure.incidentId ? (
                        <a href={`/incidents/${failure.incidentId}`}>{t(`kind.${failure.kind}`)}</a>
                      ) : (
                        t(`kind.${failure.kind}`)
                      )}
                    </td>
                    <td>{failure.recipient ?? t('outbox.group')}</td>
                    <td>{reasonText(failure.lastError)}</td>
                    <td>{failure.attempts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
