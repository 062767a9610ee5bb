import { describe, expect, it } from 'vitest';
import { mayReadMetrics } from './metrics-access';

const TOKEN = 'a-long-metrics-token-0123456789';

describe('mayReadMetrics', () => {
  it('lets in this machine over IPv4, IPv6 and IPv4-mapped IPv6', () => {
    for (const remoteAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect(mayReadMetrics({ remoteAddress, headers: {} }, null)).toBe(true);
  });

  it('keeps out other machines without the token', () => {
    for (const remoteAddress of ['10.0.0.5', '::ffff:10.0.0.5', '127.0.0.1.example', undefined]) {
      expect(mayReadMetrics({ remoteAddress, headers: {} }, null)).toBe(false);
      expect(mayReadMetrics({ remoteAddress, headers: {} }, TOKEN)).toBe(false);
    }
  });

  it('keeps out a request a proxy on this machine passed on, whatever its address', () => {
    for (const header of ['x-forwarded-for', 'x-real-ip', 'forwarded']) {
      expect(mayReadMetrics({ remoteAddress: '127.0.0.1', headers: { [header]: '127.0.0.1' } }, null)).toBe(false);
    }
  });

  it('lets in anyone with the token, and nobody with another or none', () => {
    expect(mayReadMetrics({ remoteAddress: '10.0.0.5', headers: { authorization: `Bearer ${TOKEN}` } }, TOKEN)).toBe(true);
    expect(mayReadMetrics({ remoteAddress: '10.0.0.5', headers: { authorization: `bearer ${TOKEN}`, 'x-forwarded-for': '10.0.0.5' } }, TOKEN)).toBe(true);
    expect(mayReadMetrics({ remoteAddress: '10.0.0.5', headers: { authorization: `Bearer ${TOKEN}x` } }, TOKEN)).toBe(false);
    expect(mayReadMetrics({ remoteAddress: '10.0.0.5', headers: { authorization: `Bearer ${TOKEN.slice(1)}` } }, TOKEN)).toBe(false);
    expect(mayReadMetrics({ remoteAddress: '10.0.0.5', headers: { authorization: TOKEN } }, TOKEN)).toBe(false);
    expect(mayReadMetrics({ remoteAddress: '10.0.0.5', headers: { authorization: 'Bearer ' } }, TOKEN)).toBe(false);
    // With no token set, a bearer header opens nothing.
    expect(mayReadMetrics({ remoteAddress: '10.0.0.5', headers: { authorization: 'Bearer null' } }, null)).toBe(false);
  });
});
