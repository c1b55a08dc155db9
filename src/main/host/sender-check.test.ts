import { describe, expect, it } from 'vitest';
import { isTrustedSender, originOf } from './sender-check';

const APP = { webContentsId: 7, origins: ['app://kse'] };

describe('isTrustedSender', () => {
  it('trusts the main frame of our window on our page', () => {
    expect(isTrustedSender({ webContentsId: 7, frameUrl: 'app://kse/index.html#/claims', isMainFrame: true }, APP)).toBe(true);
  });

  it('refuses other windows, iframes, other pages and destroyed frames', () => {
    expect(isTrustedSender({ webContentsId: 8, frameUrl: 'app://kse/index.html', isMainFrame: true }, APP)).toBe(false);
    expect(isTrustedSender({ webContentsId: 7, frameUrl: 'app://kse/index.html', isMainFrame: false }, APP)).toBe(false);
    expect(isTrustedSender({ webContentsId: 7, frameUrl: 'https://evil.example/', isMainFrame: true }, APP)).toBe(false);
    expect(isTrustedSender({ webContentsId: 7, frameUrl: 'app://kse.evil/index.html', isMainFrame: true }, APP)).toBe(false);
    expect(isTrustedSender({ webContentsId: 7, frameUrl: 'file:///tmp/x.html', isMainFrame: true }, APP)).toBe(false);
    expect(isTrustedSender({ webContentsId: 7, frameUrl: undefined, isMainFrame: true }, APP)).toBe(false);
    expect(isTrustedSender({ webContentsId: 7, frameUrl: 'app://kse/', isMainFrame: true }, { webContentsId: undefined, origins: ['app://kse'] })).toBe(false);
  });

  it('trusts the dev server only when it is listed', () => {
    const sender = { webContentsId: 7, frameUrl: 'http://localhost:5173/', isMainFrame: true };
    expect(isTrustedSender(sender, APP)).toBe(false);
    expect(isTrustedSender(sender, { ...APP, origins: ['app://kse', 'http://localhost:5173'] })).toBe(true);
  });

  it('computes origins of custom schemes', () => {
    expect(originOf('app://kse/index.html')).toBe('app://kse');
    expect(originOf('http://localhost:5173/x?y')).toBe('http://localhost:5173');
    expect(originOf('not a url')).toBeUndefined();
  });
});
