// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PopoverButton } from './Popover';

afterEach(cleanup);

function Menu({ closeOnFocusOut }: { closeOnFocusOut?: boolean }) {
  return (
    <>
      <PopoverButton label="More" title="More views" testId="more" closeOnFocusOut={closeOnFocusOut}>
        {(close) => (
          <>
            <button type="button" data-testid="first">
              first
            </button>
            <button type="button" data-testid="pick" onClick={() => close(false)}>
              pick
            </button>
          </>
        )}
      </PopoverButton>
      <input data-testid="outside" />
    </>
  );
}

describe('PopoverButton', () => {
  it('closes on focusout when asked: focus moved to a control outside (Tab past its last item)', () => {
    render(<Menu closeOnFocusOut />);
    fireEvent.click(screen.getByTestId('more'));
    expect(screen.getByTestId('more-panel')).toBeTruthy();
    // Within the panel and back to its button: it stays.
    fireEvent.blur(screen.getByTestId('first'), { relatedTarget: screen.getByTestId('pick') });
    fireEvent.blur(screen.getByTestId('pick'), { relatedTarget: screen.getByTestId('more') });
    expect(screen.queryByTestId('more-panel')).toBeTruthy();
    // A blur to nothing (a click on the panel's padding, the window losing focus): it stays.
    fireEvent.blur(screen.getByTestId('first'), { relatedTarget: null });
    expect(screen.queryByTestId('more-panel')).toBeTruthy();
    fireEvent.blur(screen.getByTestId('pick'), { relatedTarget: screen.getByTestId('outside') });
    expect(screen.queryByTestId('more-panel')).toBeNull();
  });

  it('stays open on focusout by default (a filter panel)', () => {
    render(<Menu />);
    fireEvent.click(screen.getByTestId('more'));
    fireEvent.blur(screen.getByTestId('pick'), { relatedTarget: screen.getByTestId('outside') });
    expect(screen.queryByTestId('more-panel')).toBeTruthy();
  });

  it('close(false) closes without taking the focus back to the button (the caller moves it)', () => {
    render(<Menu />);
    fireEvent.click(screen.getByTestId('more'));
    screen.getByTestId('outside').focus();
    fireEvent.click(screen.getByTestId('pick'));
    expect(screen.queryByTestId('more-panel')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('outside'));
  });
});
