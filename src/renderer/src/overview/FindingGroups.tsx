/**
 * "Problems first": findings grouped by cause (the core groups every finding, see main/store/finding-groups.ts).
 * Each group is one line: severity, what is wrong, the provisioner or class it is about, and a count that opens
 * the table filtered to exactly those objects. A line expands to its first objects with their own cause. Groups
 * needing attention come first (the main ones, then the rest on demand); Info groups sit collapsed below.
 */
import { useState } from 'react';
import { groupFilter, type FindingGroup } from '../../../shared/model/finding-groups';
import type { Overview } from '../../../shared/model/detail';
import { refKey } from '../../../shared/model/refs';
import type { ProvisionerVerdict } from '../../../shared/model/rows';
import { ObjectLink } from '../components/ObjectLink';
import { usePaneActions } from '../components/pane-context';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { useLessonTitles } from '../lessons/use-lesson-title';
import { usePane } from '../state/view-store';
import { SeverityChip, VerdictChip } from '../tables/cells';
import { TABLE_OF_RESOURCE, TABLES } from '../tables/registry';
import { LocalizedText } from '../components/LocalizedText';
import { WholeWords } from '../components/WholeWords';

/**
 * Codes whose title names the subject's kind ("The provisioner is not running"): with a subject the title says it
 * once, with the name in place ("Provisioner X is not running"), not "…, provisioner X".
 */
export const SUBJECT_TITLES: Partial<Record<string, MessageKey>> = {
  'claim.provisioner-dead': 'subjectTitle.claim.provisioner-dead',
  'claim.class-missing': 'subjectTitle.claim.class-missing',
  'class.provisioner-dead': 'subjectTitle.class.provisioner-dead',
  'class.provisioner-degraded': 'subjectTitle.class.provisioner-degraded',
  'class.provisioner-unknown': 'subjectTitle.class.provisioner-unknown',
};

/** Groups shown before "Show every cause". */
export const MAIN_GROUPS = 8;
/** Groups this small show their objects without a click. */
const OPEN_UP_TO = 3;

/** `incomplete`: the cluster is not read whole yet, so finding nothing does not mean healthy. */
export function FindingGroups({ data, incomplete = false }: { data: Overview; incomplete?: boolean }) {
  const verdicts = new Map(data.provisioners.map((p) => [p.name, p.verdict]));
  const { t } = useI18n();
  const [allShown, setAllShown] = useState(false);
  const [infoOpen, setInfoOpen] = useState(false);
  const attention = data.findingGroups.filter((g) => g.severity !== 'info');
  const info = data.findingGroups.filter((g) => g.severity === 'info');
  const infoObjects = info.reduce((sum, g) => sum + g.count, 0);
  const shown = allShown ? attention : attention.slice(0, MAIN_GROUPS);
  if (data.findingGroups.length === 0)
    return (
      <p className="muted" data-testid="no-problems">
        {t(incomplete ? 'overview.noProblemsYet' : 'overview.noProblems')}
      </p>
    );
  return (
    <>
      {attention.length === 0 ? (
        <p className="muted">{t('overview.noAttention')}</p>
      ) : (
        <ul className="finding-groups" data-testid="attention-groups">
          {shown.map((g) => (
            <GroupLine key={g.id} group={g} verdict={g.subject?.type === 'provisioner' ? verdicts.get(g.subject.name) : undefined} />
          ))}
        </ul>
      )}
      {attention.length > MAIN_GROUPS && (
        <button type="button" className="link-button small-text" onClick={() => setAllShown((s) => !s)} data-testid="all-groups">
          {allShown ? t('overview.fewerGroups') : t('overview.allGroups', { n: attention.length })}
        </button>
      )}
      {info.length > 0 && (
        <div className="info-groups">
          <button type="button" className="disclosure" aria-expanded={infoOpen} onClick={() => setInfoOpen((o) => !o)} data-testid="info-toggle">
            <span className="caret" aria-hidden="true">
              {infoOpen ? '▾' : '▸'}
            </span>
            {t('overview.info', { n: infoObjects })}
          </button>
          {infoOpen && (
            <ul className="finding-groups" data-testid="info-groups">
              {info.map((g) => (
                <GroupLine key={g.id} group={g} verdict={g.subject?.type === 'provisioner' ? verdicts.get(g.subject.name) : undefined} />
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}

/** One cause; `verdict` is the health of the provisioner it names, when it names one. */
function GroupLine({ group, verdict }: { group: FindingGroup; verdict: ProvisionerVerdict | undefined }) {
  const { t, tr, lang } = useI18n();
  const { index, openLesson } = usePaneActions();
  const titled = SUBJECT_TITLES[group.code];
  // Only when the subject is of the kind the title names (a class-missing group about a provisioner keeps the old form).
  const named = titled && group.subject && (group.subject.type === 'class') === group.code.endsWith('class-missing') ? titled : undefined;
  const [, setPane] = usePane(index);
  const lessonTitle = useLessonTitles();
  const [open, setOpen] = useState(group.count <= OPEN_UP_TO);
  const table = TABLE_OF_RESOURCE[group.kind];
  const tableName = table ? t(TABLES[table].label) : '';
  const showTable = () => {
    if (!table) return;
    setPane({ view: table, filters: {}, finding: groupFilter(group), search: undefined, sort: undefined, minSeverity: undefined, namespaces: undefined, selected: undefined });
  };
  const membersId = `group-${group.id}`;
  return (
    <li className={`finding-group sev-border-${group.severity}`} data-testid="finding-group" data-code={group.code} data-severity={group.severity} data-subject={group.subject?.name} data-count={group.count}>
      <div className="group-line">
        <button type="button" className="icon-button expander" aria-expanded={open} aria-controls={membersId} aria-label={open ? t('overview.collapse') : t('overview.expand')} onClick={() => setOpen((o) => !o)} data-testid="group-expand">
          {open ? '▾' : '▸'}
        </button>
        <SeverityChip severity={group.severity} label={t(`severity.${group.severity}`)} />
        <span className="group-title">
          {named && group.subject ? (
            <span className="group-subject">
              {tr(named, {
                name: (
                  <span className="mono" translate="no">
                    <WholeWords text={group.subject.name} />
                  </span>
                ),
              })}
            </span>
          ) : (
            <LocalizedText text={group.title[lang]} />
          )}
          {group.subject && !named && (
            <>
              {', '}
              <span className="group-subject">
                {t(`subject.${group.subject.type}`, { name: '' })}
                <span className="mono" translate="no">
                  <WholeWords text={group.subject.name} />
                </span>
                {/* A group about the provisioner's health says it in its title already: no second verdict. */}
                {verdict && group.lesson !== 'provisioner-health' && (
                  <>
                    {', '}
                    <span className="muted">{t('overview.health')}</span> <VerdictChip verdict={verdict} t={t} />
                  </>
                )}
              </span>
            </>
          )}
        </span>
        {table ? (
          <button type="button" className="link-button group-count" onClick={showTable} aria-label={t('overview.groupLink', { n: group.count, table: tableName })} data-testid="group-count">
            {t('overview.groupCount', { table: tableName, n: group.count.toLocaleString(lang) })}
          </button>
        ) : (
          // A kind without a table (StatefulSets): its name beside the count, as the others say «Поды: 1» (trial 8, T8-12).
          <span className="group-count" data-testid="group-count">
            {t('overview.groupCount', { table: t(`kindName.${group.kind}`), n: group.count.toLocaleString(lang) })}
          </span>
        )}
        {group.lesson && (
          <button type="button" className="link-button learn-link" title={lessonTitle(group.lesson)} onClick={() => openLesson(group.lesson)} data-testid="group-learn">
            {t('details.learn', { section: lessonTitle(group.lesson) })}
          </button>
        )}
      </div>
      {open && (
        <ul className="group-members" id={membersId}>
          {group.members.map((m) => (
            <li key={m.findingId} className="finding-line" data-testid="overview-finding" data-code={group.code}>
              <span className="object-cell" translate="no">
                <ObjectLink target={m.object} label={refKey(m.object)} />
              </span>
              <span className="finding-cause">
                <LocalizedText text={m.cause[lang]} />
              </span>
            </li>
          ))}
          {group.count > group.members.length && table && (
            <li>
              <button type="button" className="link-button small-text" onClick={showTable} data-testid="group-showing">
                {t('overview.showingOf', { shown: group.members.length, total: group.count.toLocaleString(lang), table: tableName })}
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}
