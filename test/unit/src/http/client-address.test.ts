import { describe, expect, it } from 'vitest';
import { clientAddressKey } from '../../../../src/http/client-address.js';

describe('client address key of the login throttle', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::7', '2001:db8:1:2::/64'],
    ['2001:db8::7', '2001:db8:0:0::/64'],
    ['2001:db8:1::', '2001:db8:1:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.1', '64:ff9b:0:0::/64'],
    [undefined, 'unknown'],
    ['', 'unknown'],
    ['not an address', 'unknown'],
  ])('%s -> %s', (address, key) => {
    expect(clientAddressKey(address)).toBe(key);
  });

  it('puts every address of one /64 under one key, and a neighbouring /64 under another', () => {
    expect(clientAddressKey('2001:db8:a:b:1::1')).toBe(clientAddressKey('2001:db8:a:b:ffff::9'));
    expect(clientAddressKey('2001:db8:a:c::1')).not.toBe(clientAddressKey('2001:db8:a:b::1'));
  });
});
