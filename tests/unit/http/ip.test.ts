import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseIp, parseRange, inRange, clientKey } from '../../../src/lib/http/ip.ts';

const bytes = (text: string) => {
  const b = parseIp(text);
  return b ? Array.from(b) : null;
};

describe('parseIp', () => {
  it.each([
    ['127.0.0.1', [127, 0, 0, 1]],
    ['255.255.255.255', [255, 255, 255, 255]],
    [' 10.1.2.3 ', [10, 1, 2, 3]],
    ['::ffff:192.168.1.9', [192, 168, 1, 9]],
    ['::FFFF:c0a8:0109', [192, 168, 1, 9]],
    ['::1', [...Array(15).fill(0), 1]],
    ['::', Array(16).fill(0)],
    ['fe80::1%eth0', [0xfe, 0x80, ...Array(13).fill(0), 1]],
    ['2001:db8::8:800:200c:417a', [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 8, 8, 0, 0x20, 0x0c, 0x41, 0x7a]],
    ['1:2:3:4:5:6:7:8', [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8]],
    ['64:ff9b::1.2.3.4', [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4]],
    // Almost IPv4-mapped, but not: they stay IPv6.
    ['::ff:102:304', [...Array(11).fill(0), 0xff, 1, 2, 3, 4]],
    ['::ff00:102:304', [...Array(10).fill(0), 0xff, 0, 1, 2, 3, 4]],
  ])('%s', (text, expected) => {
    expect(bytes(text)).toEqual(expected);
  });

  it.each([
    '',
    'localhost',
    '256.0.0.1',
    '1.2.3',
    '1.2.3.4.5',
    '01.2.3.4',
    '1.2.3.-4',
    '1::2::3',
    '1:2:3:4::5:6:7:8::9',
    '1:2:3:4:5:6:7:8::1::2',
    '1.2.3.4::',
    '::1.2.3.4:1',
    '1.2.3.4:1::',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    '1:2:3:4::5:6:7:8',
    '12345::',
    'g::1',
    ':::',
  ])('refuses %j', (text) => {
    expect(parseIp(text)).toBeNull();
  });

  it('reads back every IPv4 address it is given', () => {
    fc.assert(
      fc.property(fc.ipV4(), (address) => {
        expect(bytes(address)).toEqual(address.split('.').map(Number));
      }),
    );
  });

  it('reads every IPv6 address as 16 bytes, or as the IPv4 address it maps', () => {
    fc.assert(
      fc.property(fc.ipV6(), (address) => {
        expect([4, 16]).toContain(parseIp(address)?.length);
      }),
    );
  });
});

describe('ranges', () => {
  const contains = (range: string, address: string) => inRange(parseIp(address)!, parseRange(range)!);

  it.each([
    ['127.0.0.1/8', '127.255.0.9', true],
    ['127.0.0.1/8', '128.0.0.1', false],
    ['10.0.0.0/8', '10.200.1.1', true],
    ['172.16.0.0/12', '172.31.255.255', true],
    ['172.16.0.0/12', '172.32.0.0', false],
    ['192.168.1.7', '192.168.1.7', true],
    ['192.168.1.7', '192.168.1.8', false],
    ['192.168.1.7/32', '192.168.1.7', true],
    ['0.0.0.0/0', '8.8.8.8', true],
    ['0.0.0.0/0', '::1', false],
    ['::1/128', '::1', true],
    ['::1/128', '127.0.0.1', false],
    ['fc00::/7', 'fd12:3456::1', true],
    ['fc00::/7', 'fe00::1', false],
    ['fe80::/10', 'febf::1', true],
    ['fe80::/10', 'fec0::1', false],
    ['2001:db8::/33', '2001:db8:7fff::1', true],
    ['2001:db8::/33', '2001:db8:8000::1', false],
  ])('%s contains %s: %s', (range, address, expected) => {
    expect(contains(range, address)).toBe(expected);
  });

  it('reads a range with spaces around it', () => {
    expect(parseRange(' 10.0.0.0/8 ')).toEqual({ bytes: Uint8Array.from([10, 0, 0, 0]), prefix: 8 });
  });

  it.each(['10.0.0.0/33', '::/129', '10.0.0.0/x', '10.0.0.0/8x', '10.0.0.0/x8', '10.0.0.0/8/8', 'nope/8', '10.0.0.0/'])(
    'refuses %j',
    (text) => {
      expect(parseRange(text)).toBeNull();
    },
  );

  it('puts every address in its own /32 or /128, and in /0 of its family', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), (address) => {
        const family = parseIp(address)!.length === 4 ? ['0.0.0.0/0', 32] : ['::/0', 128];
        expect(contains(`${address}/${family[1]}`, address)).toBe(true);
        expect(contains(String(family[0]), address)).toBe(true);
      }),
    );
  });
});

describe('clientKey', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff::', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    ['not-an-address', 'not-an-address'],
  ])('%s → %s', (address, key) => {
    expect(clientKey(address)).toBe(key);
  });

  it('gives one key to every address of a /64, and different keys to different /64s', () => {
    expect(clientKey('2a01:4f8:c0c:1::1')).toBe(clientKey('2a01:4f8:c0c:1:ffff:ffff:ffff:ffff'));
    expect(clientKey('2a01:4f8:c0c:1::1')).not.toBe(clientKey('2a01:4f8:c0c:2::1'));
  });
});
