/** Every volume of a pod by type, and which container (init included) mounts it where, read-only or not. */
import type { PodVolumeView } from '../../../shared/model/detail';
import { ObjectLink } from '../components/ObjectLink';
import { useI18n } from '../i18n/i18n';
import { Verbatim } from '../i18n/Verbatim';
import { useVolumeSourceText } from './VolumeSource';
import { WholeWords } from '../components/WholeWords';

export function PodVolumes({ volumes }: { volumes: PodVolumeView[] }) {
  const { t, tr } = useI18n();
  const sourceText = useVolumeSourceText();
  if (volumes.length === 0) return <p className="muted">{t('volumes.none')}</p>;
  return (
    <ul className="pod-volumes" aria-label={t('volumes.title')} data-testid="pod-volumes">
      {volumes.map((v) => (
        <li key={v.name} className="pod-volume" data-testid="pod-volume" data-type={v.type} data-name={v.name}>
          <div className="pod-volume-head">
            <Verbatim className="mono strong">
              <WholeWords text={v.name} />
            </Verbatim>
            <Verbatim className="type-tag">{v.type}</Verbatim>
            {/* A volume that points at a claim links to it; the rest of its source follows in words. */}
            {v.target ? (
              <>
                <ObjectLink target={v.target} missing={v.missing} label={targetName(v)} />
                {v.source.some((f) => f.fact !== 'ref' && f.fact !== 'claim') && (
                  <span className="mono muted">, {sourceText(v.source.filter((f) => f.fact !== 'ref' && f.fact !== 'claim'))}</span>
                )}
              </>
            ) : (
              <span className="mono muted">{sourceText(v.source)}</span>
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
                      <Verbatim>
                        <WholeWords text={m.container} />
                      </Verbatim>
                      {m.init && <span className="type-tag">{t('volumes.initTag')}</span>}
                    </td>
                    <td className="mono">
                      <Verbatim>
                        <WholeWords text={m.mountPath} />
                      </Verbatim>
                      {m.subPath ? <span className="muted"> {tr('volumes.subPath', { path: (
                              <Verbatim>
                                <WholeWords text={m.subPath} />
                              </Verbatim>
                            ) })}</span> : null}
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

/** The name the volume's source gives its target (the claim), as written in the pod. */
function targetName(volume: PodVolumeView): string {
  for (const fact of volume.source) if (fact.fact === 'ref' || fact.fact === 'claim') return fact.value;
  return volume.target?.name ?? '';
}
