/**
 * The Summary's attachment field of a claim or a pod (shared/model/summary.ts AttachmentView): one line per
 * VolumeAttachment or reason, "attached to node X by driver Y" or why not, in the UI language. Node, driver and
 * error texts are the cluster's, verbatim; the VolumeAttachment and the volume are links.
 */
import type { AttachmentView } from '../../../shared/model/summary';
import { verbatim } from '../../../shared/verbatim';
import { ObjectLink } from '../components/ObjectLink';
import { WholeWords } from '../components/WholeWords';
import { ago } from '../format/time';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { useNow } from '../state/clock';

const SENTENCE: Record<AttachmentView['state'], MessageKey> = {
  attached: 'attachment.attached',
  attaching: 'attachment.attaching',
  stuck: 'attachment.stuck',
  failed: 'attachment.failed',
  detaching: 'attachment.detaching',
  'not-required': 'attachment.notRequired',
  'not-created': 'attachment.notCreated',
  'not-in-use': 'attachment.notInUse',
};

/** Worse states are toned as the findings are. */
const TONE: Partial<Record<AttachmentView['state'], string>> = { stuck: 'tone-text-bad', failed: 'tone-text-bad', detaching: 'tone-wait', attached: 'tone-ok' };

export function AttachmentValue({ attachments }: { attachments: AttachmentView[] }) {
  const { t, lang } = useI18n();
  const now = useNow();
  return (
    <ul className="summary-items" data-testid="attachment-states">
      {attachments.map((a, i) => (
        <li key={i} data-state={a.state}>
          <span className={TONE[a.state]}>
            {t(SENTENCE[a.state], {
              node: verbatim(a.node ?? ''),
              driver: verbatim(a.driver ?? ''),
              since: a.since ? ago(a.since, now, { t, lang }) : '',
            })}
          </span>
          {a.error && (
            <>
              {': '}
              <span translate="no">
                <WholeWords text={a.error} />
              </span>
            </>
          )}
          <span className="muted small-text">
            {' · '}
            {/* A VolumeAttachment's name is csi-<64 hex digits>, which says nothing: the link names its kind. */}
            <ObjectLink target={a.attachment ?? a.volume} label={a.attachment ? t('attachment.link') : undefined} />
          </span>
        </li>
      ))}
    </ul>
  );
}
