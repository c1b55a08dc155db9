/**
 * Usage in a pod's and a node's Summary: each emptyDir against its sizeLimit (past it the kubelet evicts the
 * pod), and the node filesystem. Values as the kubelet last measured them; unknown is said, never 0.
 */
import type { NodeUsage, VolumeUsage } from '../../../shared/model/usage';
import { usePercent } from '../../../shared/usage/summary';
import { formatBytes } from '../format/bytes';
import { useI18n } from '../i18n/i18n';
import { UsageBarCell } from '../tables/usage-cells';

function percentOf(used: number | undefined, total: number | undefined): number | undefined {
  return usePercent({ usedBytes: used, capacityBytes: total });
}

export function EmptyDirUsage({ volumes }: { volumes: readonly VolumeUsage[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const ctx = { ...i18n, now: Date.now() };
  return (
    <section className="claim-usage" data-testid="emptydir-usage" aria-labelledby="emptydir-usage-title">
      <h3 id="emptydir-usage-title" className="section-title">
        {t('usage.emptyDirs')}
      </h3>
      <dl className="summary-list">
        {volumes.map((v) => {
          const percent = usePercent(v);
          const limited = v.sizeLimitBytes !== undefined;
          return (
            <div className="summary-row" key={v.key} data-testid="emptydir-usage-row" data-volume={v.volume}>
              <dt translate="no">{v.volume}</dt>
              <dd>
                {v.usedBytes === undefined ? (
                  <span className="muted">{t('usage.notReported', { node: v.node })}</span>
                ) : (
                  <>
                    {limited && <UsageBarCell usage={{ state: 'known', usedBytes: v.usedBytes, ...(percent !== undefined ? { usePercent: percent } : {}), capacityBytes: v.sizeLimitBytes!, node: v.node }} ctx={ctx} />}{' '}
                    <span>
                      {limited
                        ? t('usage.ofSizeLimit', { used: formatBytes(v.usedBytes, i18n), limit: formatBytes(v.sizeLimitBytes, i18n) })
                        : t('usage.noSizeLimit', { used: formatBytes(v.usedBytes, i18n), free: v.availableBytes === undefined ? '—' : formatBytes(v.availableBytes, i18n) })}
                    </span>
                  </>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

export function NodeFsUsage({ usage }: { usage: NodeUsage }) {
  const i18n = useI18n();
  const { t } = i18n;
  const fs = usage.fs;
  const percent = percentOf(fs?.usedBytes, fs?.capacityBytes);
  return (
    <section className="claim-usage" data-testid="node-usage" aria-labelledby="node-usage-title">
      <h3 id="node-usage-title" className="section-title">
        {t('usage.nodeFs')}
      </h3>
      {usage.state === 'error' ? (
        <p className="muted" data-testid="node-usage-unknown">
          {t('usage.nodeError', { node: usage.node })}
          {usage.error ? `: ${usage.error}` : ''}
        </p>
      ) : usage.state === 'pending' || !fs || fs.usedBytes === undefined ? (
        <p className="muted">{t('usage.checking')}</p>
      ) : (
        <p data-testid="node-usage-value">
          <UsageBarCell usage={{ state: 'known', usedBytes: fs.usedBytes, ...(percent !== undefined ? { usePercent: percent } : {}), ...(fs.capacityBytes !== undefined ? { capacityBytes: fs.capacityBytes } : {}), ...(fs.availableBytes !== undefined ? { availableBytes: fs.availableBytes } : {}), node: usage.node }} ctx={{ ...i18n, now: Date.now() }} />{' '}
          {t('usage.usedOf', {
            used: formatBytes(fs.usedBytes, i18n),
            capacity: fs.capacityBytes === undefined ? '—' : formatBytes(fs.capacityBytes, i18n),
            free: fs.availableBytes === undefined ? '—' : formatBytes(fs.availableBytes, i18n),
          })}
        </p>
      )}
    </section>
  );
}
