import { describe, expect, it } from 'vitest';
import { httpsLocation } from './https-redirect';

describe('where plain HTTP is sent', () => {
  it('keeps the host and path and puts the HTTPS port in', () => {
    expect(httpsLocation('feedback.example.fi:8081', '/coordinator?section=day-log', 8443)).toBe('https://feedback.example.fi:8443/coordinator?section=day-log');
    expect(httpsLocation('feedback.example.fi', '/', 443)).toBe('https://feedback.example.fi/');
    expect(httpsLocation('10.0.0.5:80', '/api/health', 8443)).toBe('https://10.0.0.5:8443/api/health');
    expect(httpsLocation('[fd00::5]:80', '/', 443)).toBe('https://[fd00::5]/');
  });

  it('sends nobody elsewhere: a missing or odd Host header gets no redirect', () => {
    expect(httpsLocation(undefined, '/', 443)).toBeNull();
    expect(httpsLocation('', '/', 443)).toBeNull();
    expect(httpsLocation('evil.example/@feedback.example.fi', '/', 443)).toBeNull();
    expect(httpsLocation('feedback.example.fi\r\nset-cookie: a=b', '/', 443)).toBeNull();
    expect(httpsLocation('user@feedback.example.fi', '/', 443)).toBeNull();
  });

  it('never makes a protocol-relative address out of the path', () => {
    expect(httpsLocation('feedback.example.fi', '//evil.example/x', 443)).toBe('https://feedback.example.fi//evil.example/x');
    expect(httpsLocation('feedback.example.fi', 'http://evil.example/', 443)).toBe('https://feedback.example.fi/');
  });
});
