/**
 * Kubeconfig files that could not be used at all (broken YAML, a directory, a FIFO, refused by the YAML
 * parser's limits), under the cluster list: their contexts are missing, and the user must see why rather than
 * a list that silently lacks them.
 */
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context';
import { kubeconfigProblemsQuery } from '../api/queries';
import { useI18n } from '../i18n/i18n';

/** `compact`: the collapsed cluster list shows one alert mark whose tooltip and accessible name list the files. */
export function KubeconfigProblems({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  const problems = useQuery(kubeconfigProblemsQuery(useApi()));
  if (!problems.data?.length) return null;
  if (compact) {
    const text = [t('clusters.kubeconfigProblems'), ...problems.data.map((p) => p.message)].join('\n');
    return (
      <span className="collapsed-alert tone-text-bad" role="img" aria-label={text} title={text} data-testid="kubeconfig-problems">
        <span aria-hidden="true">⚠</span>
      </span>
    );
  }
  return (
    <section className="kubeconfig-problems" aria-label={t('clusters.kubeconfigProblems')} data-testid="kubeconfig-problems">
      <h3 className="mini-title">{t('clusters.kubeconfigProblems')}</h3>
      <ul>
        {problems.data.map((problem) => (
          <li key={problem.file} className="cluster-error" data-testid="kubeconfig-problem" data-file={problem.file}>
            {problem.message}
          </li>
        ))}
      </ul>
      <p className="muted small-text">{t('clusters.kubeconfigProblemsHint')}</p>
    </section>
  );
}
