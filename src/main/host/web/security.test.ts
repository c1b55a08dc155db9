import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, hostAllowed, launchUrl, newToken, originAllowed, securityHeaders, tokenFromProtocols, tokenMatches } from './security';

describe('web host token', () => {
  it('is fresh, long and URL-safe', () => {
    const a = newToken();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(newToken()).not.toBe(a);
    expect(launchUrl(4321, a)).toBe(`http://127.0.0.1:4321/#token=${a}`);
  });

  it('matches only the exact token', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abd', 'abc')).toBe(false);
    expect(tokenMatches('ab', 'abc')).toBe(false);
    expect(tokenMatches('', 'abc')).toBe(false);
    expect(tokenMatches(undefined, 'abc')).toBe(false);
  });

  it('reads the token from the offered WebSocket subprotocols only next to ours', () => {
    expect(tokenFromProtocols('kse.v1, kse.token.abc')).toBe('abc');
    expect(tokenFromProtocols('kse.token.abc')).toBeUndefined();
    expect(tokenFromProtocols('kse.v1')).toBeUndefined();
    expect(tokenFromProtocols(undefined)).toBeUndefined();
  });
});

describe('Host and Origin checks', () => {
  it('accepts only our loopback names and port as Host (DNS rebinding arrives with another name)', () => {
    expect(hostAllowed('127.0.0.1:8080', 8080)).toBe(true);
    expect(hostAllowed('localhost:8080', 8080)).toBe(true);
    expect(hostAllowed('LOCALHOST:8080', 8080)).toBe(true);
    expect(hostAllowed('attacker.example:8080', 8080)).toBe(false);
    expect(hostAllowed('127.0.0.1:8081', 8080)).toBe(false);
    expect(hostAllowed('127.0.0.1', 8080)).toBe(false);
    expect(hostAllowed(undefined, 8080)).toBe(false);
    // Port 80 is left out of Host by browsers.
    expect(hostAllowed('127.0.0.1', 80)).toBe(true);
    expect(hostAllowed('evil.example', 80)).toBe(false);
  });

  it('accepts no Origin (non-browser clients still need the token) or our own', () => {
    expect(originAllowed(undefined, 8080)).toBe(true);
    expect(originAllowed('http://127.0.0.1:8080', 8080)).toBe(true);
    expect(originAllowed('http://localhost:8080', 8080)).toBe(true);
    expect(originAllowed('https://evil.example', 8080)).toBe(false);
    expect(originAllowed('http://127.0.0.1:9999', 8080)).toBe(false);
    expect(originAllowed('null', 8080)).toBe(false);
    expect(originAllowed('http://localhost', 80)).toBe(true);
    expect(originAllowed('http://localhost', 8080)).toBe(false);
  });
});

describe('response headers', () => {
  it('sets a strict CSP: own scripts only, no eval, no remote content, no framing', () => {
    const csp = contentSecurityPolicy(8080);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain('connect-src \'self\' ws://127.0.0.1:8080 ws://localhost:8080');
    expect(csp).not.toMatch(/https?:\/\/(?!127\.0\.0\.1|localhost)/);
    const headers = securityHeaders(8080);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['X-Frame-Options']).toBe('DENY');
  });
});
