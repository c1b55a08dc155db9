/**
 * The tabs of a provisioner's details (getProvisioner): Summary (the verdict in words, why, the evidence, the
 * leader Lease, the CSI driver and its nodes, the controller pods), Findings (the findings whose cause it is,
 * grouped), Related (the classes naming it, the claims waiting for it, the volumes it made) and Events (the
 * provisioning events on its claims, summed per reason, then the newest). A provisioner is no object: no YAML tab.
 */
import type { ReactNode } from 'react';
import type { ProvisionerDetail, ProvisionerLease, ProvisionerSidecar } from '../../../shared/model/provisioner';
import { verbatim } from '../../../shared/verbatim';
import { LocalizedText } from '../components/LocalizedText';
import { ObjectLink } from '../components/ObjectLink';
import { ago, dateTime, duration } from '../format/time';
import { useI18n } from '../i18n/i18n';
import { Verbatim } from '../i18n/Verbatim';
import { useNow } from '../state/clock';
import { DETAIL_TABS, type DetailTab } from '../state/view-state';
import { SeverityChip, VerdictChip } from '../tables/cells';
import { EventList } from './EventList';
import { EvidenceRow } from './FindingCard';
import { WholeWords } from '../components/WholeWords';

/**
 * The tabs a provisioner has, in the order every object's details have them (DETAIL_TABS: Summary, Findings,
 * Events, Related; trial 4 found a provisioner with Related before Events).
 */
export const PROVISIONER_TABS: readonly DetailTab[] = DETAIL_TABS.filter((tab) => tab === 'summary' || tab === 'findings' || tab === 'events' || tab === 'related');

export function provisionerTabCount(data: ProvisionerDetail, tab: DetailTab): number | undefined {
  if (tab === 'findings') return data.findingGroups.reduce((n, g) => n + g.count, 0);
  if (tab === 'related') return data.classes.length + data.waitingTotal + data.volumesTotal;
  if (tab === 'events') return data.eventCounts.reduce((n, e) => n + e.count, 0);
  return undefined;
}

export function ProvisionerTab({ data, tab }: { data: ProvisionerDetail; tab: DetailTab }) {
  if (tab === 'findings') return <ProvisionerFindings data={data} />;
  if (tab === 'related') return <ProvisionerRelated data={data} />;
  if (tab === 'events') return <ProvisionerEvents data={data} />;
  return <ProvisionerSummary data={data} />;
}

function ProvisionerSummary({ data }: { data: ProvisionerDetail }) {
  const { t, lang } = useI18n();
  return (
    <div className="provisioner-details" data-testid="provisioner-details" data-verdict={data.verdict} data-runner={data.runner}>
      <section aria-label={t('prov.verdict')}>
        <p data-testid="provisioner-verdict">
          <VerdictChip verdict={data.verdict} t={t} />{' '}
          <LocalizedText text={data.meaning[lang]} />
        </p>
        {data.reasons.length > 0 && (
          <>
            <h4 className="mini-title">{t('prov.why')}</h4>
            <ul className="plain-list" data-testid="provisioner-reasons">
              {data.reasons.map((r, i) => (
                <li key={i}>
                  <LocalizedText text={r[lang]} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-label={t('details.evidence')}>
        <h4 className="mini-title">{t('details.evidence')}</h4>
        <dl className="evidence" data-testid="provisioner-evidence">
          {/* The Lease's fields are shown once, in the Lease section below (trial 4 found them twice). */}
          {(data.lease ? data.evidence.filter((e) => e.ref?.kind !== 'leases') : data.evidence).map((e, i) => (
            <EvidenceRow key={i} evidence={e} />
          ))}
        </dl>
      </section>
      {data.lease ? <LeaseSection lease={data.lease} /> : null}
      {data.csi && (
        <section aria-label={t('prov.csi')} data-testid="provisioner-csi" data-driver-exists={data.csi.driverExists}>
          <h4 className="mini-title">{t('prov.csi')}</h4>
          <dl className="evidence">
            <Field label={t('prov.csi.driver')}>
              {data.csi.driverExists ? <ObjectLink target={{ kind: 'csidrivers', name: data.migratedTo ?? data.name }} label={data.migratedTo ?? data.name} /> : <span className="tone-text-bad">{t('prov.csi.missing')}</span>}
            </Field>
            <Field label={t('prov.csi.registered', { n: data.csi.registeredNodes.length })} testId="provisioner-registered">
              <NodeList names={data.csi.registeredNodes} />
            </Field>
            {data.csi.unregisteredNodes.length > 0 && (
              <Field label={t('prov.csi.unregistered', { n: data.csi.unregisteredNodes.length })}>
                <NodeList names={data.csi.unregisteredNodes} />
              </Field>
            )}
            <Field label={t('prov.csi.attachRequired')} testId="provisioner-attach-required">
              {t(data.csi.attachRequired === false ? 'prov.csi.attachRequired.no' : 'prov.csi.attachRequired.yes')}
            </Field>
            {data.csi.snapshotClasses && (
              <Field label={t('prov.csi.snapshots')} testId="provisioner-snapshot-classes">
                {data.csi.snapshotClasses.length === 0 ? <span className="muted">{t('prov.csi.snapshots.none')}</span> : <NameList kind="volumesnapshotclasses" names={data.csi.snapshotClasses} />}
              </Field>
            )}
            <Field label={t('prov.csi.expansion')} testId="provisioner-expansion-classes">
              {data.csi.expansionClasses.length === 0 ? <span className="muted">{t('prov.none')}</span> : <NameList kind="storageclasses" names={data.csi.expansionClasses} />}
            </Field>
          </dl>
          {data.csi.sidecars && <SidecarList sidecars={data.csi.sidecars} />}
        </section>
      )}
      {data.runner !== 'none' && data.runner !== 'controller-manager' && data.runner !== 'removed' && (
        <section aria-label={t('prov.pods')} data-testid="provisioner-pods">
          <h4 className="mini-title">{t('prov.pods')}</h4>
          {!data.podsVisible ? (
            <p className="muted">{t('prov.pods.hidden')}</p>
          ) : data.pods.length === 0 ? (
            <p className="muted" data-testid="provisioner-pods-none">{t(data.verdict === 'dead' ? 'prov.pods.none.dead' : data.verdict === 'unknown' ? 'prov.pods.none' : 'prov.pods.none.running')}</p>
          ) : (
            <ul className="plain-list">
              {data.pods.map((p) => (
                <li key={`${p.namespace}/${p.name}`} data-testid="provisioner-pod" data-ready={p.ready}>
                  <ObjectLink target={{ kind: 'pods', namespace: p.namespace, name: p.name }} label={`${p.namespace}/${p.name}`} />{' '}
                  <Verbatim>{p.status}</Verbatim>
                  <span className="muted small-text">
                    {p.leader ? ` · ${t('prov.pods.leader')}` : ''} · {t('prov.pods.restarts', { n: p.restarts })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}

function LeaseSection({ lease }: { lease: ProvisionerLease }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const now = useNow();
  return (
    <section aria-label={t('prov.lease')} data-testid="provisioner-lease" data-fresh={lease.fresh} data-holder={lease.holder ?? ''}>
      <h4 className="mini-title">{t('prov.lease')}</h4>
      <dl className="evidence">
        <Field label={t('prov.lease.name')}>
          <ObjectLink target={{ kind: 'leases', namespace: lease.namespace, name: lease.name }} label={`${lease.namespace}/${lease.name}`} />
        </Field>
        <Field label={t('prov.lease.holder')} testId="lease-holder">
          {lease.holder ? (
            <code translate="no">
              <WholeWords text={lease.holder} />
            </code>
          ) : (
            <span className="tone-text-bad">{t('prov.lease.released')}</span>
          )}
        </Field>
        <Field label={t('prov.lease.renewed')} testId="lease-renewed">
          {lease.renewTime ? (
            <>
              <time dateTime={lease.renewTime} title={dateTime(lease.renewTime, lang)}>
                {ago(lease.renewTime, now, i18n)}
              </time>{' '}
              <span className={lease.fresh ? 'muted' : 'tone-text-bad'}>({lease.fresh ? t('prov.lease.fresh') : t('prov.lease.stale')})</span>
            </>
          ) : (
            <span className="tone-text-bad">{t('prov.lease.never')}</span>
          )}
        </Field>
        {lease.leaseDurationSeconds !== undefined && (
          <Field label={t('prov.lease.duration')} testId="lease-duration">
            {duration(lease.leaseDurationSeconds, lang)}
          </Field>
        )}
        <Field label={t('prov.lease.transitions')} testId="lease-transitions">
          {i18n.t('prov.count', { n: lease.transitions ?? 0 })}
        </Field>
      </dl>
    </section>
  );
}

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="evidence-row" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function NameList({ kind, names }: { kind: 'volumesnapshotclasses' | 'storageclasses'; names: string[] }) {
  return (
    <span>
      {names.map((n, i) => (
        <span key={n}>
          {i > 0 ? ', ' : ''}
          <ObjectLink target={{ kind, name: n }} label={n} />
        </span>
      ))}
    </span>
  );
}

/** Each controller sidecar of a CSI driver: running or not (its leader Lease), and the work waiting for it. */
function SidecarList({ sidecars }: { sidecars: ProvisionerSidecar[] }) {
  const { t, lang } = useI18n();
  const now = useNow();
  return (
    <>
      <h5 className="mini-title">{t('prov.sidecars')}</h5>
      <dl className="evidence" data-testid="provisioner-sidecars">
        {sidecars.map((s) => {
          const since = s.renewTime ? ago(s.renewTime, now, { t, lang }) : t('prov.lease.never');
          const text =
            s.lease === 'held'
              ? t('prov.sidecar.held', { holder: verbatim(s.holder ?? ''), ago: since })
              : s.lease === 'stale'
                ? t('prov.sidecar.stale', { ago: since })
                : s.lease === 'not-found'
                  ? t('prov.sidecar.notFound', { name: verbatim(s.leaseName ?? '') })
                  : t('prov.sidecar.unreadable');
          return (
            <div key={s.sidecar} className="evidence-row" data-testid="provisioner-sidecar" data-sidecar={s.sidecar} data-lease={s.lease}>
              <dt translate="no">{s.sidecar}</dt>
              <dd>
                <span className={s.lease === 'stale' && (s.waiting ?? 0) > 0 ? 'tone-text-bad' : s.lease === 'held' ? undefined : 'muted'}>{text}</span>
                {s.leaseName && s.leaseNamespace && (
                  <span className="muted small-text">
                    {' · '}
                    <ObjectLink target={{ kind: 'leases', namespace: s.leaseNamespace, name: s.leaseName }} label={`${s.leaseNamespace}/${s.leaseName}`} />
                  </span>
                )}
                {(s.waiting ?? 0) > 0 && <span className="small-text"> · {t('prov.sidecar.waiting', { n: s.waiting! })}</span>}
              </dd>
            </div>
          );
        })}
      </dl>
    </>
  );
}

function NodeList({ names }: { names: string[] }) {
  const { t } = useI18n();
  if (names.length === 0) return <span className="muted">{t('prov.none')}</span>;
  return (
    <span>
      {names.map((n, i) => (
        <span key={n}>
          {i > 0 ? ', ' : ''}
          <ObjectLink target={{ kind: 'nodes', name: n }} label={n} />
        </span>
      ))}
    </span>
  );
}

function ProvisionerFindings({ data }: { data: ProvisionerDetail }) {
  const { t, lang } = useI18n();
  if (data.findingGroups.length === 0) return <p className="muted">{t('prov.noFindings')}</p>;
  return (
    <ul className="plain-list" data-testid="provisioner-findings">
      {data.findingGroups.map((g) => (
        <li key={g.id} className={`finding-group sev-border-${g.severity}`} data-testid="finding-group" data-code={g.code} data-count={g.count}>
          <SeverityChip severity={g.severity} label={t(`severity.${g.severity}`)} count={g.count} /> <LocalizedText text={g.title[lang]} />
          <ul className="plain-list">
            {g.members.map((m) => (
              <li key={m.findingId}>
                <ObjectLink target={m.object} /> <LocalizedText text={m.cause[lang]} />
              </li>
            ))}
            {g.count > g.members.length && <li className="muted">{t('prov.more', { n: g.count - g.members.length })}</li>}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function ProvisionerRelated({ data }: { data: ProvisionerDetail }) {
  const { t } = useI18n();
  return (
    <div className="provisioner-related">
      <section aria-label={t('prov.classes', { n: data.classes.length })} data-testid="provisioner-classes">
        <h4 className="mini-title">{t('prov.classes', { n: data.classes.length })}</h4>
        <ul className="plain-list">
          {data.classes.map((c) => (
            <li key={c.name} data-testid="provisioner-class" data-name={c.name}>
              <ObjectLink target={{ kind: 'storageclasses', name: c.name }} label={c.name} />
              <span className="muted small-text">
                {' · '}
                <Verbatim>{`${c.bindingMode}, ${c.reclaimPolicy}`}</Verbatim>
                {c.isDefault ? ` · ${t('prov.class.default')}` : ''}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-label={t('prov.waiting', { n: data.waitingTotal })} data-testid="provisioner-waiting">
        <h4 className="mini-title">{t('prov.waiting', { n: data.waitingTotal })}</h4>
        {data.waitingTotal === 0 ? (
          <p className="muted">{t('prov.waiting.none')}</p>
        ) : (
          <ul className="plain-list">
            {data.waitingClaims.map((c) => (
              <li key={`${c.namespace}/${c.name}`} data-testid="provisioner-waiting-claim" data-name={c.name} data-namespace={c.namespace}>
                <ObjectLink target={{ kind: 'persistentvolumeclaims', namespace: c.namespace, name: c.name }} label={`${c.namespace}/${c.name}`} />
                {c.className && (
                  <span className="muted small-text">
                    {' · '}
                    <Verbatim>
                      <WholeWords text={c.className} />
                    </Verbatim>
                  </span>
                )}
              </li>
            ))}
            {data.waitingTotal > data.waitingClaims.length && <li className="muted">{t('prov.more', { n: data.waitingTotal - data.waitingClaims.length })}</li>}
          </ul>
        )}
      </section>
      <section aria-label={t('prov.volumes', { n: data.volumesTotal })} data-testid="provisioner-volumes">
        <h4 className="mini-title">{t('prov.volumes', { n: data.volumesTotal })}</h4>
        {data.volumesTotal === 0 ? (
          <p className="muted">{t('prov.volumes.none')}</p>
        ) : (
          <ul className="plain-list">
            {data.volumes.map((v) => (
              <li key={v.name} data-testid="provisioner-volume" data-name={v.name}>
                <ObjectLink target={{ kind: 'persistentvolumes', name: v.name }} label={v.name} />
                <span className="muted small-text">
                  {' · '}
                  <Verbatim>
                    <WholeWords text={[v.phase, v.capacity, v.claim ? `${v.claim.namespace}/${v.claim.name}` : undefined].filter(Boolean).join(', ')} />
                  </Verbatim>
                </span>
              </li>
            ))}
            {data.volumesTotal > data.volumes.length && <li className="muted">{t('prov.more', { n: data.volumesTotal - data.volumes.length })}</li>}
          </ul>
        )}
      </section>
    </div>
  );
}

function ProvisionerEvents({ data }: { data: ProvisionerDetail }) {
  const i18n = useI18n();
  const { t } = i18n;
  const now = useNow();
  return (
    <div>
      {data.eventCounts.length > 0 && (
        <section aria-label={t('prov.eventCounts')}>
          <h4 className="mini-title">{t('prov.eventCounts')}</h4>
          <ul className="plain-list" data-testid="provisioner-event-counts">
            {data.eventCounts.map((e) => (
              <li key={e.reason} className={e.type === 'Warning' ? 'event warning' : 'event'} data-testid="provisioner-event-count" data-reason={e.reason} data-count={e.count}>
                <strong translate="no">{e.reason}</strong>{' '}
                <span className="muted small-text">{t('prov.eventCount', { n: e.count, claims: e.claims, ago: ago(e.lastSeen, now, i18n) })}</span>
                {e.lastMessage && (
                  <div className="small-text">
                    <Verbatim>
                      <WholeWords text={e.lastMessage} />
                    </Verbatim>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <EventList events={data.events} showObject empty="prov.events.none" />
    </div>
  );
}
