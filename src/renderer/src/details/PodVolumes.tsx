/** Every volume of a pod by type, and which container (init included) mounts it where, read-only or not. */
import type { PodVolumeView } from '../../../shared/model/detail';
import { ObjectLink } from '../components/ObjectLink';
import { useI18n } from '../i18n/i18n';

export function PodVolumes({ volumes }: { volumes: PodVolumeView[] }) {
  const { t } = useI18n();
  if (volumes.length === 0) return <p className="muted">{t('volumes.none')}</p>;
  return (
    <ul className="pod-volumes" aria-label={t('volumes.title')} data-testid="pod-volumes">
      {volumes.map((v) => (
        <li key={v.name} className="pod-volume" data-testid="pod-volume" data-type={v.type} data-name={v.name}>
          <div className="pod-volume-head">
            <span className="mono strong" translate="no">
              {v.name}
            </span>
            <span className="type-tag" translate="no">
              {v.type}
            </span>
            {v.target ? (
              <ObjectLink target={v.target} missing={v.missing} label={v.detail} />
            ) : (
              <span className="mono muted" translate="no">
                {v.detail}
              </span>
            )}
            {v.missing && <span className="tone-text-bad small-text">({t('details.missing')})</span>}
          </div>
          {v.mounts.length === 0 ? (
            <div className="muted small-text mount-line">{t('volumes.unmounted')}</div>
          ) : (
            <table className="mount-table" aria-label={t('volumes.mounts', { name: v.name })}>
              <tbody>
                {v.mounts.map((m, i) => (
                  <tr key={i} data-testid="volume-mount" data-container={m.container} data-read-only={m.readOnly}>
                    <td className="mono">
                      <span translate="no">{m.container}</span>
                      {m.init && <span className="type-tag">{t('volumes.initTag')}</span>}
                    </td>
                    <td className="mono" translate="no">
                      {m.mountPath}
                      {m.subPath ? <span className="muted"> (subPath {m.subPath})</span> : null}
                    </td>
                    <td>
                      <span className={m.readOnly ? 'ro-tag' : 'rw-tag'}>{m.readOnly ? t('volumes.ro') : t('volumes.rw')}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </li>
      ))}
    </ul>
  );
}
