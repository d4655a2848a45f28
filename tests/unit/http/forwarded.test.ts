import { describe, it, expect } from 'vitest';
import { parseTrustProxy, clientOf, type RequestFacts } from '../../../src/lib/http/forwarded.ts';

describe('TRUST_PROXY', () => {
  it.each([
    ['', '127.0.0.1', false],
    ['  ', '127.0.0.1', false],
    ['loopback', '127.0.0.1', true],
    ['loopback', '127.9.9.9', true],
    ['loopback', '::1', true],
    ['loopback', '::ffff:127.0.0.1', true],
    ['loopback', '10.0.0.1', false],
    ['Loopback', '127.0.0.1', true],
    ['linklocal', '169.254.3.4', true],
    ['linklocal', 'fe80::1', true],
    ['uniquelocal', '10.1.2.3', true],
    ['uniquelocal', '172.20.0.1', true],
    ['uniquelocal', '192.168.0.1', true],
    ['uniquelocal', 'fd00::1', true],
    ['uniquelocal', '8.8.8.8', false],
    ['172.30.250.10', '172.30.250.10', true],
    ['172.30.250.10', '172.30.250.11', false],
    ['10.0.0.0/8, 192.0.2.1', '192.0.2.1', true],
    ['10.0.0.0/8, 192.0.2.1', '10.9.9.9', true],
    ['10.0.0.0/8, 192.0.2.1', '192.0.2.2', false],
    ['loopback', 'not-an-address', false],
  ])('%j trusts %s: %s', (setting, address, trusted) => {
    expect(parseTrustProxy(setting)(address)).toBe(trusted);
  });

  it.each(['true', 'proxy', '10.0.0.0/40', '1.2.3.4,,nope'])('refuses %j, naming the wrong entry', (setting) => {
    expect(() => parseTrustProxy(setting)).toThrow(/is not loopback, linklocal, uniquelocal, an address or a CIDR/);
  });
});

const facts = (over: Partial<RequestFacts> = {}): RequestFacts => ({
  peer: '127.0.0.1',
  encrypted: false,
  host: 'sv.test:8443',
  forwardedFor: null,
  forwardedProto: null,
  forwardedHost: null,
  ...over,
});

describe('the client behind proxies', () => {
  const loopback = parseTrustProxy('loopback');
  const none = parseTrustProxy('');

  it('is the peer when nobody is trusted, whatever the headers say', () => {
    const client = clientOf(
      facts({ forwardedFor: '1.2.3.4', forwardedProto: 'https', forwardedHost: 'evil.example' }),
      none,
    );
    expect(client).toEqual({ address: '127.0.0.1', https: false, origin: 'http://sv.test:8443' });
  });

  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['203.0.113.7, 127.0.0.5', '203.0.113.7'],
    // A client may send its own X-Forwarded-For: only the hop the trusted proxy added counts.
    ['6.6.6.6, 203.0.113.7', '203.0.113.7'],
    ['6.6.6.6,203.0.113.7 , 127.0.0.9', '203.0.113.7'],
    ['127.0.0.8, 127.0.0.9', '127.0.0.8'],
    ['', '127.0.0.1'],
    [' , ', '127.0.0.1'],
  ])('reads X-Forwarded-For %j from a trusted proxy as %s', (forwardedFor, address) => {
    expect(clientOf(facts({ forwardedFor }), loopback).address).toBe(address);
  });

  it('reads the first forwarded value without the spaces around it', () => {
    expect(
      clientOf(facts({ forwardedProto: ' https , http', forwardedHost: ' www.example.it , x' }), loopback),
    ).toMatchObject({
      https: true,
      origin: 'https://www.example.it',
    });
  });

  it('believes the scheme and host a trusted proxy forwards (first value), and builds the browser origin', () => {
    const client = clientOf(
      facts({ forwardedProto: 'HTTPS, http', forwardedHost: 'www.example.it, other', host: 'app:4321' }),
      loopback,
    );
    expect(client).toMatchObject({ https: true, origin: 'https://www.example.it' });
  });

  it.each([
    [{ encrypted: true }, 'https://sv.test:8443', true],
    [{ encrypted: true, host: 'sv.test:443' }, 'https://sv.test', true],
    [{ host: 'SV.test:80' }, 'http://sv.test', false],
    [{ host: null }, 'http://localhost', false],
    [{ forwardedProto: 'http', encrypted: true }, 'http://sv.test:8443', false],
    [{ host: 'bad host/' }, 'null', false],
  ])('%j → %s', (over, origin, https) => {
    expect(clientOf(facts(over), loopback)).toMatchObject({ origin, https });
  });

  it('ignores forwarded headers from an untrusted peer even when a trusted address is forwarded', () => {
    const client = clientOf(
      facts({ peer: '198.51.100.1', forwardedFor: '127.0.0.1', forwardedProto: 'https' }),
      loopback,
    );
    expect(client).toEqual({ address: '198.51.100.1', https: false, origin: 'http://sv.test:8443' });
  });
});
