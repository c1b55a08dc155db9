// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { MiddleText } from './MiddleText';

afterEach(cleanup);
const mono = (text: string) => text.length * 10;
const shown = (el: HTMLElement) => Array.from(el.querySelectorAll('[aria-hidden="true"]')).map((e) => e.textContent).join('');
/** The text find-in-page and screen readers get: everything but the aria-hidden cut form. */
const real = (el: HTMLElement) => {
  const copy = el.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((e) => e.remove());
  return copy.textContent;
};

describe('MiddleText', () => {
  it('cuts a long name in the middle for the eye only: the DOM and the accessible text keep it whole', () => {
    const name = 'data-postgres-orders-replica-17';
    const { container } = render(
      <I18nProvider>
        <MiddleText text={name} room={150} measure={mono} />
      </I18nProvider>,
    );
    expect(shown(container)).toMatch(/^data-.*….*-17$/);
    expect(real(container)).toBe(name);
    expect(container.querySelector('.sr-only')?.textContent).toBe(name);
  });

  it('shows a name that fits as it is, once', () => {
    const { container } = render(
      <I18nProvider>
        <MiddleText text="data-0" room={150} measure={mono} />
      </I18nProvider>,
    );
    expect(container.textContent).toBe('data-0');
    expect(container.querySelector('[aria-hidden]')).toBeNull();
  });
});
