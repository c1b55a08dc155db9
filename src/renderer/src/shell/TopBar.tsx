/** The top bar: app icon and name, open cluster tabs, report and snapshot export, snapshot opener, language and theme. */
import { ClusterTabs } from '../clusters/ClusterTabs';
import { ReportMenu } from '../clusters/ReportMenu';
import { SnapshotOpener } from '../clusters/SnapshotOpener';
import { LANGS, type Lang } from '../../../shared/model/findings';
import { useI18n } from '../i18n/i18n';
import { THEME_CHOICES, useTheme, type ThemeChoice } from '../state/theme';

export function TopBar() {
  const { t, lang, setLang } = useI18n();
  const { choice, setChoice } = useTheme();
  return (
    <header className="topbar">
      {/* The product name is a name: not translated. */}
      <h1 className="app-title" translate="no">
        <img className="app-icon" src="./icon.svg" alt="" aria-hidden="true" />
        <span className="app-name">{t('app.title')}</span>
      </h1>
      <ClusterTabs />
      <span className="toolbar-spacer" />
      <ReportMenu />
      <SnapshotOpener />
      <select className="select" aria-label={t('app.language')} value={lang} onChange={(e) => setLang(e.target.value as Lang)} data-testid="ui-language">
        {LANGS.map((l) => (
          // Each language is named in itself ("English", "Русский"), as language pickers do.
          <option key={l} value={l} translate="no">
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
      <select className="select" aria-label={t('app.theme')} value={choice} onChange={(e) => setChoice(e.target.value as ThemeChoice)} data-testid="ui-theme">
        {THEME_CHOICES.map((c) => (
          <option key={c} value={c}>
            {t(`theme.${c}`)}
          </option>
        ))}
      </select>
    </header>
  );
}
