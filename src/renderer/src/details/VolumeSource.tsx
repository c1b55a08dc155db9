/** What a pod volume's source is, in the UI language, with the cluster's values (names, paths, sizes) verbatim. */
import { Fragment, type ReactNode } from 'react';
import type { VolumeSourceFact } from '../../../shared/model/detail';
import { useI18n } from '../i18n/i18n';
import { Verbatim } from '../i18n/Verbatim';
import { WholeWords } from '../components/WholeWords';

export function useVolumeSourceText(): (facts: readonly VolumeSourceFact[]) => ReactNode {
  const { t, tr } = useI18n();
  const one = (fact: VolumeSourceFact): ReactNode => {
    switch (fact.fact) {
      case 'ref':
      case 'sources':
      case 'size':
        return <Value text={fact.value} />;
      case 'hostPathType':
        return (
          <>
            (<Value text={fact.value} />)
          </>
        );
      case 'claim':
      case 'class':
      case 'driver':
        return tr(`volumeSource.${fact.fact}`, { name: <Value text={fact.value} /> });
      case 'sizeLimit':
        return tr('volumeSource.sizeLimit', { size: <Value text={fact.value} /> });
      default:
        return t(`volumeSource.${fact.fact}`);
    }
  };
  // A type or path in parentheses follows its value with a space; words are listed with commas.
  return (facts) =>
    facts.map((fact, i) => (
      <Fragment key={i}>
        {i === 0 ? '' : fact.fact === 'hostPathType' ? ' ' : ', '}
        {one(fact)}
      </Fragment>
    ));
}

/** A value of the cluster's, verbatim, breaking only at sensible places (a path after its '/'s, never mid-word). */
function Value({ text }: { text: string }) {
  return (
    <Verbatim>
      <WholeWords text={text} />
    </Verbatim>
  );
}
