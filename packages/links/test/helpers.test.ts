// The pure URL helpers the offline rules use.
import { describe, expect, it } from 'vitest';
import {
  classifyAddress,
  cloudOfHref,
  findLocaleSegment,
  hostInList,
  isKnownHttpsHost,
  isMooncakeOnly,
  isReviewHost,
  isShortener,
  learnHostFor,
  mooncakeCounterpart,
  parseBladeHref,
  parseCloudList,
  platformMismatch,
  platformOfHref,
  platformsInText,
  splitHref,
  suggestScheme,
  withoutLocale,
} from '@selfhelp/links';

describe('splitHref', () => {
  it('gives the parts and their offsets as written', () => {
    const href = 'https://User:pw@Docs.Microsoft.com:443/en-us/azure/x?view=1#top';
    const p = splitHref(href);
    expect(p).toMatchObject({ scheme: 'https', host: 'docs.microsoft.com', userinfo: true, path: '/en-us/azure/x', query: 'view=1', fragment: 'top' });
    expect(href.slice(...p.hostRange!)).toBe('Docs.Microsoft.com');
    expect(href.slice(...p.pathRange)).toBe('/en-us/azure/x');
  });
  it('handles IPv6 literals and relative references', () => {
    expect(splitHref('http://[::1]:8080/a').host).toBe('::1');
    expect(splitHref('../linux/x.md?toc=a#b')).toMatchObject({ scheme: undefined, host: undefined, path: '../linux/x.md', query: 'toc=a', fragment: 'b' });
  });
});

describe('hosts', () => {
  it('matches exact hosts and *.domain entries', () => {
    expect(hostInList('a.b.example.com', ['*.example.com'])).toBe(true);
    expect(hostInList('example.com', ['*.example.com'])).toBe(true);
    expect(hostInList('badexample.com', ['*.example.com'])).toBe(false);
    expect(hostInList('example.com', ['www.example.com'])).toBe(false);
  });
  it('knows shorteners, review hosts, HTTPS hosts and the Learn move', () => {
    expect(['aka.ms', 'bit.ly', 'tinyurl.com'].map(isShortener)).toEqual([true, true, true]);
    expect(isShortener('learn.microsoft.com')).toBe(false);
    expect(isReviewHost('review.learn.microsoft.com')).toBe(true);
    expect(isReviewHost('learn.microsoft.com')).toBe(false);
    expect(isKnownHttpsHost('download.microsoft.com')).toBe(true);
    expect(isKnownHttpsHost('www.telerik.com')).toBe(false);
    expect(isKnownHttpsHost('www.telerik.com', ['*.telerik.com'])).toBe(true);
    expect(learnHostFor('docs.microsoft.com')).toBe('learn.microsoft.com');
    expect(learnHostFor('review.docs.microsoft.com')).toBe('review.learn.microsoft.com');
    expect(learnHostFor('learn.microsoft.com')).toBeUndefined();
  });
});

describe('locale segments', () => {
  it('finds the first path segment when it is a locale on a Microsoft documentation host', () => {
    expect(findLocaleSegment('https://learn.microsoft.com/en-us/azure/x')).toEqual({ locale: 'en-us', removeRange: [27, 33] });
    expect(findLocaleSegment('https://www.microsoft.com/zh-Hans-CN/p')?.locale).toBe('zh-Hans-CN');
    expect(findLocaleSegment('https://support.microsoft.com/es-419/help')?.locale).toBe('es-419');
    expect(withoutLocale('https://docs.microsoft.com/EN-GB/azure/x?a=b#c')).toBe('https://docs.microsoft.com/azure/x?a=b#c');
  });
  it('ignores other hosts, later segments and non-locales', () => {
    expect(findLocaleSegment('https://github.com/en-us/x')).toBeUndefined();
    expect(findLocaleSegment('https://learn.microsoft.com/azure/en-us/x')).toBeUndefined();
    expect(findLocaleSegment('https://learn.microsoft.com/azure-sql/x')).toBeUndefined();
    expect(findLocaleSegment('https://learn.microsoft.com/en/x')).toBeUndefined();
  });
});

describe('clouds', () => {
  it('parses cloudEnvironments lists', () => {
    expect(parseCloudList(' Public, fairfax ,MOONCAKE, nowhere,public')).toEqual(['public', 'fairfax', 'mooncake']);
    expect(parseCloudList(['mooncake'])).toEqual(['mooncake']);
    expect(isMooncakeOnly(parseCloudList('mooncake'))).toBe(true);
    expect(isMooncakeOnly(parseCloudList('mooncake, fairfax'))).toBe(false);
    expect(isMooncakeOnly([])).toBe(false);
  });
  it('maps hosts to clouds and global Azure docs to their Mooncake counterpart', () => {
    expect(cloudOfHref('https://docs.azure.cn/zh-cn/x')?.clouds).toEqual(['mooncake']);
    expect(cloudOfHref('https://portal.azure.us/')?.clouds).toEqual(['fairfax', 'usnat', 'ussec']);
    expect(cloudOfHref('https://portal.azure.com/')).toBeUndefined();
    expect(mooncakeCounterpart('https://docs.microsoft.com/en-us/azure/storage/x?tabs=a#b')).toBe('https://docs.azure.cn/zh-cn/storage/x?tabs=a#b');
    expect(mooncakeCounterpart('https://learn.microsoft.com/zh-cn/azure/storage/x')).toBeUndefined();
    expect(mooncakeCounterpart('https://learn.microsoft.com/sql/ssms/x')).toBeUndefined();
  });
});

describe('platforms', () => {
  it('reads platform words in text and platform folders in paths', () => {
    expect(platformsInText('Scheduled events for Windows')).toEqual(['windows']);
    expect(platformsInText('open two browser windows')).toEqual([]);
    expect(platformsInText('Linux on Windows')).toEqual(['windows', 'linux']);
    expect(platformOfHref('../linux/manage-availability.md?toc=%2fazure%2fwindows%2ftoc.json')).toBe('linux');
    expect(platformOfHref('https://learn.microsoft.com/en-us/windows/wsl/about')).toBeUndefined();
    expect(platformOfHref('https://learn.microsoft.com/azure/virtual-machines/windows/x')).toBe('windows');
    expect(platformOfHref('https://learn.microsoft.com/azure/virtual-machines/disk-performance-linux')).toBeUndefined();
  });
  it('reports a mismatch only when the text names exactly one platform', () => {
    expect(platformMismatch('Manage availability of your Windows VMs', '../linux/manage-availability.md')).toEqual({ text: 'windows', url: 'linux' });
    expect(platformMismatch('Windows', '../windows/x.md')).toBeUndefined();
    expect(platformMismatch('WSL: Linux on Windows', '../linux/x.md')).toBeUndefined();
  });
});

describe('blade links', () => {
  it('parses the portal grammar', () => {
    expect(parseBladeHref('data-blade:Microsoft_Azure_Health.resourcehealthdetailblade.resourceId.$resourceId')).toEqual({
      target: { scheme: 'data-blade', extension: 'Microsoft_Azure_Health', blade: 'resourcehealthdetailblade', parameters: [{ name: 'resourceId', value: '$resourceId' }] },
    });
    expect(parseBladeHref('button-data-context:hubsextension.serviceshealthblade')).toMatchObject({ target: { parameters: [] } });
    expect(parseBladeHref('https://x')).toBeUndefined();
  });
  it('locates problems inside the href', () => {
    expect(parseBladeHref('data-blade:')).toEqual({ problem: { message: 'Expected `data-blade:<Extension>.<Blade>` after `data-blade:`', range: [0, 11] } });
    expect(parseBladeHref('data-blade:Ext.Blade.id.$')).toEqual({ problem: { message: 'Unexpected `$` in the parameter value of data-blade link', range: [24, 25] } });
    expect(parseBladeHref('data-blade:Ext.Blade.')).toEqual({ problem: { message: 'Empty parameter name in data-blade link', range: [20, 21] } });
    expect(parseBladeHref('data-blade:Ext.Bla de')).toEqual({ problem: { message: 'Unexpected whitespace in data-blade link', range: [18, 19] } });
  });
});

describe('schemes', () => {
  it('suggests the closest known scheme', () => {
    expect(suggestScheme('ttps')).toBe('https');
    expect(suggestScheme('htps')).toBe('https');
    expect(suggestScheme('datablade')).toBe('data-blade');
    expect(suggestScheme('button-datablade')).toBe('button-data-blade');
    expect(suggestScheme('https')).toBeUndefined();
    expect(suggestScheme('ftp')).toBeUndefined();
  });
});

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'shared (CGNAT)'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.10', 'documentation'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:0:10.0.0.1', 'private'],
    ['::10.0.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['2002:c0a8:0101::1', 'private'],
    ['2001:0:4136:e378::1', 'teredo'],
    ['ff02::1', 'multicast'],
    ['not-an-ip', 'invalid'],
  ])('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
  it.each(['8.8.8.8', '20.112.52.29', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8', '2002:0808:0808::1'])('%s is public', (address) => {
    expect(classifyAddress(address)).toBeUndefined();
  });
});
