// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ago } from '../format/time';
import { I18nProvider, SwappedMessages, useI18n } from '../i18n/i18n';
import { CAPTURE_WORDING, sourceClock, sourceTime } from './source-clock';

afterEach(cleanup);

const capture = '2026-11-20T09:15:00Z';
const fetchedAt = Date.parse('2026-12-01T10:00:00Z');

/** A freshness label as every view draws one: ago() with the surrounding i18n. */
function Freshness({ at, now }: { at: string; now: number }) {
  const i18n = useI18n();
  return <span data-testid="fresh">{ago(at, now, i18n)}</span>;
}

describe("a snapshot's times (trial 7: «4 мин назад» in a snapshot opened days later)", () => {
  it('stand still at the capture: reading the snapshot for an hour moves no age', () => {
    const clock = sourceClock({ sourceNow: capture, source: 'snapshot' }, fetchedAt);
    expect(clock.captured).toBe(true);
    expect(sourceTime(clock, fetchedAt + 3_600_000)).toBe(Date.parse(capture));
    // A live cluster's and a playing recording's clocks still tick and are not "captured".
    const live = sourceClock({ sourceNow: capture, source: 'context' }, fetchedAt);
    expect(live.captured).toBeUndefined();
    expect(sourceTime(live, fetchedAt + 1000) - sourceTime(live, fetchedAt)).toBe(1000);
  });

  it.each([
    ['ru', '4 мин до снимка', 'в момент снимка', '4 мин назад'],
    ['en', '4m before capture', 'at capture', '4m ago'],
  ] as const)('read "before capture" in a snapshot pane and "ago" elsewhere (%s)', (lang, before, at, live) => {
    const now = Date.parse(capture);
    const four = new Date(now - 4 * 60_000).toISOString();
    const { rerender } = render(
      <I18nProvider lang={lang}>
        <SwappedMessages swap={CAPTURE_WORDING}>
          <Freshness at={four} now={now} />
        </SwappedMessages>
      </I18nProvider>,
    );
    expect(screen.getByTestId('fresh').textContent?.replace(/\s/g, ' ')).toBe(before);
    rerender(
      <I18nProvider lang={lang}>
        <SwappedMessages swap={CAPTURE_WORDING}>
          <Freshness at={capture} now={now} />
        </SwappedMessages>
      </I18nProvider>,
    );
    expect(screen.getByTestId('fresh').textContent).toBe(at);
    rerender(
      <I18nProvider lang={lang}>
        <SwappedMessages swap={{}}>
          <Freshness at={four} now={now} />
        </SwappedMessages>
      </I18nProvider>,
    );
    expect(screen.getByTestId('fresh').textContent?.replace(/\s/g, ' ')).toBe(live);
  });
});
