// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/model/findings';
import { FindingCard } from '../details/FindingCard';
import { emptyPane } from '../state/view-state';
import { pendingFinding } from '../testing/fake-api';
import { renderWithApp } from '../testing/render';
import { BidiText } from './BidiText';
import { ObjectLink } from './ObjectLink';
import { PaneProvider } from './pane-context';

afterEach(cleanup);

const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('bidirectional controls in names and commands', () => {
  it('renders plain text unchanged and without marks', () => {
    renderWithApp(<BidiText text="data-db-0" />);
    expect(document.body.textContent).toBe('data-db-0');
    expect(screen.queryByTestId('bidi-mark')).toBeNull();
  });

  it('shows each control as a visible, named mark instead of obeying it', () => {
    renderWithApp(<BidiText text={'invoice\u202efdp.exe'} />, { lang: 'ru' });
    const mark = screen.getByTestId('bidi-mark');
    expect(mark.textContent).toBe('⟨RLO⟩');
    expect(mark.getAttribute('title')).toContain('RLO');
    expect(document.body.textContent).toBe('invoice⟨RLO⟩fdp.exe');
    expect(document.body.textContent).not.toMatch(BIDI);
  });

  it('marks them in object links (names) and in fix commands and evidence of a finding', () => {
    const finding: Finding = {
      ...pendingFinding,
      evidence: [{ label: { en: 'Class', ru: 'Класс' }, value: 'fast\u2066-ssd\u2069', source: 'spec.storageClassName' }],
      fix: [{ text: { en: 'Look at it', ru: 'Посмотрите' }, command: "kubectl get pvc 'data\u202e0-bd'" }],
    };
    renderWithApp(
      <PaneProvider index={0} clusterId="demo">
        <ObjectLink target={{ kind: 'persistentvolumeclaims', namespace: 'shop', name: 'a\u202bb' }} />
        <FindingCard finding={finding} />
      </PaneProvider>,
      { view: { open: ['demo'], panes: [emptyPane('demo')] } },
    );
    expect(screen.getByTestId('object-link').textContent).toContain('⟨RLE⟩');
    expect(within(screen.getByTestId('fix-command')).getByTestId('bidi-mark').textContent).toBe('⟨RLO⟩');
    expect(screen.getByTestId('finding').textContent).toContain('fast⟨LRI⟩-ssd⟨PDI⟩');
    expect(document.body.textContent).not.toMatch(BIDI);
  });
});
