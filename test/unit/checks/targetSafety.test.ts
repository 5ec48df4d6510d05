import { addressAllowed, addressKind, serviceHost } from '../../../src/checks/targetSafety';
import { ConfigError, loadConfig } from '../../../src/config';

describe('check targets', () => {
  it.each([
    ['GraniteFalls.contoso.com', 'GraniteFalls.contoso.com'],
    ['  https://GraniteFalls.contoso.com/CCM_Proxy_MutualAuth/ServiceMetadata ', 'GraniteFalls.contoso.com'],
    ['granitefalls.contoso.com.', 'granitefalls.contoso.com'],
    ['cmg.contoso.com:443', 'cmg.contoso.com'],
  ])('reads the host in %j, keeping its case', (input, host) => {
    expect(serviceHost(input)).toEqual({ ok: true, host });
  });

  it.each([
    ['', 'missing'],
    ['127.0.0.1', 'ipLiteral'],
    ['https://169.254.169.254/metadata', 'ipLiteral'],
    ['[::1]', 'ipLiteral'],
    ['::1', 'ipLiteral'],
    ['[fd00:ec2::254]:80', 'ipLiteral'],
    ['127.1', 'ipLiteral'],
    ['10.0.0.1:443', 'ipLiteral'],
    ['localhost', 'singleLabel'],
    ['cmg', 'singleLabel'],
    ['granite_falls.contoso.com', 'invalid'],
    ['-cmg.contoso.com', 'invalid'],
    ['cmg..contoso.com', 'invalid'],
    [`${'a'.repeat(64)}.contoso.com`, 'invalid'],
  ])('refuses %j (%s)', (input, problem) => {
    expect(serviceHost(input)).toMatchObject({ ok: false, problem });
  });

  it.each([
    ['20.50.2.1', 'public'],
    ['8.8.8.8', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.10', 'private'],
    ['100.64.0.1', 'sharedCgnat'],
    ['100.127.255.254', 'sharedCgnat'],
    ['169.254.169.254', 'metadata'],
    ['168.63.129.16', 'metadata'],
    ['169.254.10.1', 'linkLocal'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['203.0.113.7', 'reserved'],
    ['2603:1030:20e:3::23c', 'public'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fd00::1', 'uniqueLocal'],
    ['fc12:3456::1', 'uniqueLocal'],
    ['fd00:ec2::254', 'metadata'],
    ['fe80::1%eth0', 'linkLocal'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'metadata'],
    ['::ffff:20.50.2.1', 'public'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['not an address', 'reserved'],
  ])('%s is a %s address', (address, kind) => {
    expect(addressKind(address)).toBe(kind);
  });

  it('allows internal addresses only when the operator says so', () => {
    expect(addressAllowed('127.0.0.1', false)).toBe(false);
    expect(addressAllowed('127.0.0.1', true)).toBe(true);
    expect(addressAllowed('20.50.2.1', false)).toBe(true);
  });
});

describe('check settings', () => {
  it('defaults to the system resolvers, port 443 and no internal addresses', () => {
    expect(loadConfig({}).checks).toMatchObject({ dnsServers: [], probePort: 443, allowPrivateAddresses: false, perConversation: 2 });
  });

  it('reads DNS_SERVERS as ip or ip:port, IPv6 in brackets', () => {
    expect(loadConfig({ DNS_SERVERS: '1.1.1.1, 127.0.0.1:5353,::1,[2001:db8::53]:53' }).checks.dnsServers).toEqual(['1.1.1.1', '127.0.0.1:5353', '::1', '[2001:db8::53]:53']);
  });

  it.each([
    [{ DNS_SERVERS: 'dns.contoso.com' }, /Invalid DNS_SERVERS: expected a comma-separated list of ip or ip:port/],
    [{ DNS_SERVERS: '1.1.1.1:70000' }, /Invalid DNS_SERVERS/],
    [{ CMG_PROBE_PORT: '0' }, /Invalid CMG_PROBE_PORT/],
    [{ CHECKS_ALLOW_PRIVATE_ADDRESSES: 'maybe' }, /Invalid CHECKS_ALLOW_PRIVATE_ADDRESSES: expected true or false/],
    [{ CHECKS_PER_CONVERSATION: '5', CHECKS_TOTAL: '2' }, /Invalid CHECKS_TOTAL/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
