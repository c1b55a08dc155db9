/** A cluster at a glance: problems first (grouped by cause), then claims and volumes by phase, capacity per class, provisioners. */
import { useQuery } from '@tanstack/react-query';
import type { Overview as OverviewData } from '../../../shared/model/detail';
import { useApi } from '../api/api-context';
import { overviewQuery, statusQuery } from '../api/queries';
import type { ClusterStatus } from '../../../shared/model/status';
import { ConnectionProblemText, OpenAgainButton } from '../clusters/ConnectionProblemText';
import { readinessOf, type Readiness } from '../clusters/readiness';
import { ObjectLink } from '../components/ObjectLink';
import { errorText, StateMessage } from '../components/StateMessage';
import { formatBytes } from '../format/bytes';
import { useI18n } from '../i18n/i18n';
import { LocalizedText } from '../components/LocalizedText';
import { Verbatim } from '../i18n/Verbatim';
import { SeverityChip } from '../tables/cells';
import { FindingGroups } from './FindingGroups';
import { PhaseBars } from './PhaseBars';
import { VolumeUsageCard } from './VolumeUsageCard';
import { WholeWords } from '../components/WholeWords';

export function Overview({ clusterId }: { clusterId: string }) {
  const { t, lang } = useI18n();
  const api = useApi();
  const overview = useQuery(overviewQuery(api, clusterId));
  const status = useQuery(statusQuery(api, clusterId));
  const readiness = status.data ? readinessOf(status.data) : undefined;
  // Nothing read: say so (and why), never an overview of zeros that reads as a healthy cluster.
  if (status.data && readiness?.state === 'none') return <NoData status={status.data} why={readiness.why} />;
  if (overview.isLoading) return <StateMessage kind="loading" text={t('state.loading', { what: t('nav.overview') })} />;
  if (!overview.data)
    return (
      <StateMessage
        kind="error"
        text={t('state.error', { what: t('nav.overview') })}
        detail={errorText(overview.error, lang)}
        onRetry={() => void overview.refetch()}
      />
    );
  const data = overview.data;
  return (
    <div className="overview" data-testid="overview">
      {status.data && readiness && <Incomplete status={status.data} readiness={readiness} />}
      <Problems data={data} incomplete={readiness !== undefined && readiness.state !== 'ready'} />
      <div className="overview-grid">
        <section className="card" aria-labelledby="ov-claims">
          <h3 id="ov-claims" className="card-title">{t('overview.claimsByPhase')}</h3>
          <PhaseBars counts={data.claimsByPhase} table="claims" />
        </section>
        <section className="card" aria-labelledby="ov-volumes">
          <h3 id="ov-volumes" className="card-title">{t('overview.volumesByPhase')}</h3>
          <PhaseBars counts={data.volumesByPhase} table="volumes" />
        </section>
      </div>
      <CapacityPerClass data={data} />
      <VolumeUsageCard data={data} />
      <Provisioners data={data} />
    </div>
  );
}

/** A live cluster with nothing read: why (the connection problem in the UI language) and what to do. */
function NoData({ status, why }: { status: ClusterStatus; why: 'unreachable' | 'connecting' | 'syncing' }) {
  const { t } = useI18n();
  const problem = status.cluster.problem;
  const text = (
    <>
      {t(`noData.${why}`)}
      {problem && (
        <div className="state-detail">
          <ConnectionProblemText problem={problem} />
        </div>
      )}
      {!problem && status.cluster.error && <div className="state-detail">{status.cluster.error}</div>}
    </>
  );
  return (
    <div data-testid="overview-no-data" data-why={why}>
      <StateMessage kind={why === 'unreachable' ? 'error' : 'loading'} text={text} />
      {problem?.gaveUp && <OpenAgainButton clusterId={status.cluster.id} />}
    </div>
  );
}

/** Some of a live cluster not read, or the connection lost: the counts below are not the whole truth. */
function Incomplete({ status, readiness }: { status: ClusterStatus; readiness: Readiness }) {
  const { t } = useI18n();
  if (readiness.state === 'ready' || readiness.state === 'none') return null;
  const unreachable = readiness.state === 'stale' || readiness.unreachable;
  const problem = status.cluster.problem;
  return (
    <div className={unreachable ? 'card overview-incomplete tone-text-bad' : 'card overview-incomplete'} role="status" data-testid="overview-incomplete">
      {readiness.state === 'partial' && <p>{t('noData.partial', { n: readiness.left })}</p>}
      {unreachable && <p>{t('noData.stale')}</p>}
      {unreachable && problem && (
        <p>
          <ConnectionProblemText problem={problem} />
        </p>
      )}
      {unreachable && problem?.gaveUp && <OpenAgainButton clusterId={status.cluster.id} />}
    </div>
  );
}

function Problems({ data, incomplete }: { data: OverviewData; incomplete: boolean }) {
  const { t } = useI18n();
  return (
    <section className="card problems" aria-labelledby="ov-problems" data-testid="overview-problems">
      <h3 id="ov-problems" className="card-title">
        {t('overview.problems')}
        <span className="counts">
          {/* Only severities that have findings: an empty "◔ 0" chip says nothing. */}
          {data.findings.problem > 0 && <SeverityChip severity="problem" label={String(data.findings.problem)} />}
          {data.findings.warning > 0 && <SeverityChip severity="warning" label={String(data.findings.warning)} />}
          {data.findings.expectedWait > 0 && <SeverityChip severity="expected-wait" label={String(data.findings.expectedWait)} />}
          {data.findings.info > 0 && <SeverityChip severity="info" label={String(data.findings.info)} />}
        </span>
      </h3>
      <FindingGroups data={data} incomplete={incomplete} />
    </section>
  );
}

function CapacityPerClass({ data }: { data: OverviewData }) {
  const i18n = useI18n();
  const { t } = i18n;
  const max = Math.max(1, ...data.perClass.flatMap((c) => [c.requestedBytes, c.provisionedBytes]));
  return (
    <section className="card" aria-labelledby="ov-capacity">
      <h3 id="ov-capacity" className="card-title">{t('overview.capacity')}</h3>
      {data.perClass.length === 0 ? (
        <p className="muted">{t('overview.none')}</p>
      ) : (
        <table className="plain-table">
          <thead>
            <tr>
              <th scope="col">{t('col.class')}</th>
              <th scope="col">{t('col.provisioner')}</th>
              <th scope="col" className="end">{t('col.claims')}</th>
              <th scope="col" className="end">{t('col.volumes')}</th>
              <th scope="col">{t('col.usage')}</th>
            </tr>
          </thead>
          <tbody>
            {data.perClass.map((c) => (
              <tr key={c.className} data-testid="capacity-row">
                <td>
                  <ObjectLink target={{ kind: 'storageclasses', name: c.className }} label={c.className || '—'} />
                </td>
                <td className="mono" translate="no">
                  <WholeWords text={c.provisioner} />
                </td>
                <td className="end">{c.claims}</td>
                <td className="end">{c.volumes}</td>
                <td>
                  <div className="capacity-bars" aria-label={`${formatBytes(c.requestedBytes, i18n)} / ${formatBytes(c.provisionedBytes, i18n)}`}>
                    <span className="bar requested" style={{ width: `${(c.requestedBytes / max) * 100}%` }} />
                    <span className="bar provisioned" style={{ width: `${(c.provisionedBytes / max) * 100}%` }} />
                  </div>
                  <span className="small-text">
                    {formatBytes(c.requestedBytes, i18n)} / {formatBytes(c.provisionedBytes, i18n)}
                  </span>
                  {/* Bytes used, only where usage is read: never 0 as if measured. */}
                  {c.measuredClaims !== undefined && (
                    <span className="small-text muted" data-testid="capacity-used">
                      {' · '}
                      {c.measuredClaims > 0 ? t('overview.classUsed', { used: formatBytes(c.usedBytes, i18n), measured: c.measuredClaims }) : t('overview.classUnmeasured')}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Provisioners({ data }: { data: OverviewData }) {
  const { t, lang } = useI18n();
  return (
    <section className="card" aria-labelledby="ov-provisioners">
      <h3 id="ov-provisioners" className="card-title">{t('overview.provisioners')}</h3>
      {data.provisioners.length === 0 ? (
        <p className="muted">{t('overview.noProvisioners')}</p>
      ) : (
        <ul className="provisioner-list">
          {data.provisioners.map((p) => (
            <li key={p.name} data-testid="overview-provisioner" data-verdict={p.verdict}>
              <span className={`verdict v-${p.verdict}`}>{t(`verdict.${p.verdict}`)}</span>
              <ObjectLink target={p.ref} label={p.name} view="provisioners" />
              <span className="muted small-text">
                {t(`provisionerTypeShort.${p.type}`)} · <Verbatim>{p.classes.join(', ')}</Verbatim>
              </span>
              {p.reasons.length > 0 && (
                <span className="small-text">
                  {p.reasons.map((reason, i) => (
                    <span key={i}>
                      {i > 0 ? ' ' : ''}
                      <LocalizedText text={reason[lang]} />
                    </span>
                  ))}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
