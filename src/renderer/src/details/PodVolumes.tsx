/** Every volume of a pod by type, and which container (init included) mounts it where, read-only or not. */
import type { PodVolumeView } from '../../../shared/model/detail';
import { ObjectLink } from '../components/ObjectLink';
import { useI18n } from '../i18n/i18n';

export function PodVolumes({ volumes }: { volumes: PodVolumeView[] }) {
  const { t } = useI18n();
  if (volumes.length === 0) return <p className="muted">{t('volumes.none')}</p>;
  return (
    <table className="plain-table pod-volumes" aria-label={t('volumes.title')} data-testid="pod-volumes">
      <thead>
        <tr>
          <th scope="col">{t('col.name')}</th>
          <th scope="col">{t('col.type')}</th>
          <th scope="col">{t('col.source')}</th>
          <th scope="col">{t('col.pods')}</th>
        </tr>
      </thead>
      <tbody>
        {volumes.map((v) => (
          <tr key={v.name} data-testid="pod-volume" data-type={v.type}>
            <td className="mono">{v.name}</td>
            <td>
              <span className="type-tag">{v.type}</span>
            </td>
            <td>
              {v.target ? <ObjectLink target={v.target} missing={v.missing} label={v.detail} /> : <span className="mono">{v.detail}</span>}
              {v.missing && <span className="tone-text-bad small-text"> ({t('details.missing')})</span>}
            </td>
            <td>
              {v.mounts.length === 0 ? (
                <span className="muted small-text">{t('volumes.unmounted')}</span>
              ) : (
                <ul className="mounts">
                  {v.mounts.map((m, i) => (
                    <li key={i}>
                      <span className="mono">{m.container}</span>
                      {m.init && <span className="type-tag">{t('volumes.initTag')}</span>} →{' '}
                      <span className="mono">
                        {m.mountPath}
                        {m.subPath ? ` (subPath ${m.subPath})` : ''}
                      </span>{' '}
                      <span className={m.readOnly ? 'ro-tag' : 'rw-tag'}>{m.readOnly ? t('volumes.ro') : t('volumes.rw')}</span>
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
