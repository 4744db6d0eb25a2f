// The link rules on original fixtures written after the seeds' patterns, with exact ranges
// (start and end), fixes, options and a content root for relative links and anchors.
import { describe, expect, it } from 'vitest';
import { linkAnchor } from '../src/links/link-anchor.js';
import { linkBlade } from '../src/links/link-blade.js';
import { linkCloudHost } from '../src/links/link-cloud-host.js';
import { linkHttps } from '../src/links/link-https.js';
import { linkLearnHost } from '../src/links/link-learn-host.js';
import { linkLocale } from '../src/links/link-locale.js';
import { linkPlatform } from '../src/links/link-platform.js';
import { linkRelative } from '../src/links/link-relative.js';
import { linkReviewHost } from '../src/links/link-review-host.js';
import { linkScheme } from '../src/links/link-scheme.js';
import { linkShortener } from '../src/links/link-shortener.js';
import { linkSyntax } from '../src/links/link-syntax.js';
import { imageAlt } from '../src/links/image-alt.js';
import { linkRules } from '../src/links/index.js';
import { rules } from '../src/index.js';
import { memoryProject, runRule } from './links-harness.js';
import type { SelfhelpRule } from '../src/define.js';

/** `line:column-endLine:endColumn message` for each report. */
function spans(rule: SelfhelpRule, source: string, opts: Parameters<typeof runRule>[2] = {}): string[] {
  return runRule(rule, source, opts).reports.map((r) => `${r.range.start.line}:${r.range.start.column}-${r.range.end.line}:${r.range.end.column} ${r.message}`);
}

const selfhelp = (clouds: string, ...body: string[]) =>
  ['<properties', '\tpageTitle="Planned maintenance for your VM"', '\tselfHelpType="resource"', `\tcloudEnvironments="${clouds}"`, '/>', '', '# Planned maintenance for your VM', '', ...body, ''].join('\n');

// A small content tree in the layout of the seeds: per-platform folders under virtual-machines.
const tree = {
  'virtual-machines/maintenance.md': '',
  'virtual-machines/linux/manage-availability.md': '---\ntitle: Availability of Linux VMs\n---\n# Availability of Linux VMs\n\n## Availability sets\n\n## Update domains\n',
  'virtual-machines/windows/manage-availability.md': '---\ntitle: Availability of Windows VMs\n---\n# Availability of Windows VMs\n\n## Availability sets\n',
  'virtual-machines/windows/scheduled events.md': '# Scheduled events\n',
};

describe('registry', () => {
  it('registers every link rule once, in the global rule list too', () => {
    const ids = linkRules.map((r) => r.meta.id);
    expect(ids).toEqual([
      'link-syntax', 'link-scheme', 'link-locale', 'link-shortener', 'link-review-host', 'link-https', 'link-learn-host',
      'link-cloud-host', 'link-blade', 'link-relative', 'link-anchor', 'image-alt', 'link-platform',
    ]);
    for (const id of ids) expect(rules.filter((r) => r.meta.id === id)).toHaveLength(1);
  });
});

describe('link-syntax', () => {
  it('reports `[text] (path)` from a bare fragment (seed 001 pattern) and removes the space', () => {
    const source = [
      'Planned events are described for [Windows] (../articles/virtual-machines/windows/manage-availability.md) or',
      '[Linux](../articles/virtual-machines/linux/manage-availability.md).',
      '',
      'Query the metadata service for [Windows](../articles/virtual-machines/windows/metadata.md) or [Linux]  (../articles/virtual-machines/linux/metadata.md).',
      '',
    ].join('\n');
    const result = runRule(linkSyntax, source, { path: 'includes/maintenance.md' });
    expect(spans(linkSyntax, source)).toEqual([
      '1:34-1:105 Space between `]` and `(`: Markdown shows this as text, not a link',
      '4:95-4:152 Space between `]` and `(`: Markdown shows this as text, not a link',
    ]);
    expect(result.output).toBe(source.replace('[Windows] (', '[Windows](').replace('[Linux]  (', '[Linux]('));
  });
  it('reports empty destinations of links and images', () => {
    expect(spans(linkSyntax, selfhelp('public', 'See [the list]() and ![A diagram]( ).'))).toEqual([
      '9:5-9:17 Empty link destination',
      '9:22-9:37 Empty image source',
    ]);
  });
});

describe('link-scheme', () => {
  it('fixes htps: and button-datablade:, and reports javascript: without a fix', () => {
    const source = selfhelp('public', '[Docs](htps://learn.microsoft.com/azure/) [Reset](button-datablade:Microsoft_Azure_Compute.ResetBlade) [x](javascript:alert(1))');
    const result = runRule(linkScheme, source);
    expect(result.messages).toEqual([
      '9:8 Misspelt scheme `htps:`: did you mean `https:`?',
      '9:51 Misspelt scheme `button-datablade:`: did you mean `button-data-blade:`?',
      '9:108 Unknown link scheme `javascript:`; the portal does not open it',
    ]);
    expect(result.output).toBe(source.replace('htps:', 'https:').replace('button-datablade:', 'button-data-blade:'));
  });
  it('accepts schemes from the options', () => {
    expect(runRule(linkScheme, selfhelp('public', '[Settings](ms-settings:network)'), { options: { allowedSchemes: ['ms-settings'] } }).messages).toEqual([]);
    expect(runRule(linkScheme, selfhelp('public', '[Settings](ms-settings:network)')).messages).toEqual([
      '9:12 Unknown link scheme `ms-settings:`; allow it with the `allowedSchemes` option if it is intended',
    ]);
  });
});

describe('link-locale', () => {
  it('ranges the locale and removes it with its slash, in Markdown and autolinks', () => {
    const source = selfhelp('public, fairfax', 'See https://docs.microsoft.com/en-us/azure/virtual-machines/maintenance-and-updates and [support](https://support.microsoft.com/en-in/help/4026305).');
    const result = runRule(linkLocale, source);
    expect(spans(linkLocale, source)).toEqual([
      '9:32-9:37 Locale `en-us` in a Microsoft documentation link; remove it so readers get their own language',
      '9:129-9:134 Locale `en-in` in a Microsoft documentation link; remove it so readers get their own language',
    ]);
    expect(result.output).toBe(source.replace('/en-us', '').replace('/en-in', ''));
  });
  it('accepts zh-cn only in Mooncake-only articles, and never other locales there', () => {
    expect(runRule(linkLocale, selfhelp('mooncake', '[a](https://docs.azure.cn/zh-cn/virtual-machines/x) [b](https://learn.microsoft.com/en-us/azure/x)')).messages).toEqual([
      '9:85 Locale `en-us` in a Microsoft documentation link; remove it so readers get their own language',
    ]);
  });
});

describe('link-shortener and link-review-host', () => {
  it('reports shorteners unless allowed by host or prefix', () => {
    const source = selfhelp('public', '[a](https://aka.ms/vmmaint) [b](http://goo.gl/abc) [c](https://aka.ms/other)');
    expect(spans(linkShortener, source)).toEqual([
      '9:5-9:27 Shortened link to `aka.ms`: link the destination instead',
      '9:33-9:50 Shortened link to `goo.gl`: link the destination instead',
      '9:56-9:76 Shortened link to `aka.ms`: link the destination instead',
    ]);
    expect(runRule(linkShortener, source, { options: { allow: ['aka.ms/vmmaint', 'goo.gl'] } }).messages).toEqual(['9:56 Shortened link to `aka.ms`: link the destination instead']);
  });
  it('ranges the review host', () => {
    expect(spans(linkReviewHost, selfhelp('public', '[x](https://review.docs.microsoft.com/azure/x?branch=pr-en-us-1)'))).toEqual([
      '9:13-9:38 Link to the review host `review.docs.microsoft.com`, which readers cannot open; link the published page on learn.microsoft.com',
    ]);
  });
});

describe('link-https and link-learn-host', () => {
  it('upgrades http for known hosts only, and moves docs.microsoft.com to learn.microsoft.com', () => {
    const source = selfhelp('public', '[a](http://docs.microsoft.com/azure/x) [b](http://www.telerik.com/fiddler)');
    const https = runRule(linkHttps, source);
    expect(spans(linkHttps, source)).toEqual(['9:5-9:10 `http:` link to `docs.microsoft.com`, which serves HTTPS: use `https:`']);
    const learn = runRule(linkLearnHost, https.output);
    expect(learn.messages).toEqual(['9:13 `docs.microsoft.com` is now `learn.microsoft.com`']);
    expect(learn.output).toBe(source.replace('http://docs.microsoft.com', 'https://learn.microsoft.com'));
  });
});

describe('link-cloud-host', () => {
  it('reports Azure China and Azure Government hosts outside their clouds', () => {
    expect(spans(linkCloudHost, selfhelp('public', '[a](https://docs.azure.cn/x) [b](https://portal.azure.us/) [c](https://portal.azure.com/)'))).toEqual([
      '9:13-9:26 `docs.azure.cn` is the Azure China documentation, but cloudEnvironments is "public"',
      '9:42-9:57 `portal.azure.us` is the Azure Government portal, but cloudEnvironments is "public"',
    ]);
    expect(runRule(linkCloudHost, selfhelp('public, usnat', '[b](https://portal.azure.us/)')).messages).toEqual([]);
  });
  it('suggests docs.azure.cn for global Azure docs in Mooncake-only articles, with the suggestion in data', () => {
    const result = runRule(linkCloudHost, selfhelp('mooncake', '[a](https://docs.microsoft.com/en-us/azure/virtual-machines/windows/x#y)'));
    expect(result.reports.map((r) => r.data)).toEqual([{ suggestion: 'https://docs.azure.cn/zh-cn/virtual-machines/windows/x#y' }]);
  });
  it('does nothing without cloudEnvironments', () => {
    expect(runRule(linkCloudHost, ['<properties', '  pageTitle="x"', '/>', '# x', '', '[a](https://docs.azure.cn/x)', ''].join('\n')).messages).toEqual([]);
  });
});

describe('link-blade', () => {
  it('ranges the first problem inside the destination', () => {
    // With a space the destination is not a Markdown link at all; the checked link is the second.
    expect(spans(linkBlade, selfhelp('public', '[Reset](data-blade:Microsoft_Azure_Network.Reset Blade)'))).toEqual([]);
    expect(spans(linkBlade, selfhelp('public', '[Flow](button-data-context:microsoft_azure_network.verifyipflowblade.id.)'))).toEqual([
      '9:72-9:73 Empty parameter value in button-data-context link',
    ]);
  });
});

describe('link-relative (seed patterns, with a content root)', () => {
  const project = memoryProject(tree);
  const from = 'virtual-machines/maintenance.md';
  it('reports missing targets and paths out of the root; queries, fragments and escapes are handled', () => {
    const source = selfhelp(
      'public',
      'See [Windows](../articles/virtual-machines/windows/manage-availability.md) or [Linux](linux/manage-availability.md?toc=%2fazure%2fvirtual-machines%2flinux%2ftoc.json#availability-sets).',
      '',
      'Read [events](windows/scheduled%20events.md) and [the shared page](../../shared/page.md).',
    );
    expect(spans(linkRelative, source, { path: from, project })).toEqual([
      '9:15-9:74 Relative link target `../articles/virtual-machines/windows/manage-availability.md` does not exist (looked for `articles/virtual-machines/windows/manage-availability.md`)',
      '11:68-11:88 Relative link `../../shared/page.md` leaves the content root',
    ]);
  });
  it('without a content root, only paths out of the root are reported', () => {
    const source = selfhelp('public', '[a](missing.md) [b](../../x.md)');
    expect(runRule(linkRelative, source, { path: from }).messages).toEqual(['9:21 Relative link `../../x.md` leaves the content root']);
  });
  it('reports site-relative links in self-help articles only', () => {
    expect(runRule(linkRelative, selfhelp('public', '[a](/azure/virtual-machines/)')).messages).toEqual([
      '9:5 Site-relative link `/azure/virtual-machines/` does not open in the portal: write the full https:// URL',
    ]);
    expect(runRule(linkRelative, '---\ntitle: t\n---\n# t\n\n[a](/azure/virtual-machines/)\n').messages).toEqual([]);
  });
});

describe('link-anchor', () => {
  const project = memoryProject(tree);
  const from = 'virtual-machines/maintenance.md';
  it('checks anchors in this article (case-insensitive) and in other articles of the root', () => {
    const source = selfhelp(
      'public',
      'Jump to [sets](#Update-Domains) or [Linux sets](linux/manage-availability.md#availability-set) or [Windows sets](windows/manage-availability.md?tabs=cli#availability-sets).',
      '',
      '## Update domains',
    );
    expect(spans(linkAnchor, source, { path: from, project })).toEqual([
      '9:77-9:94 No heading for `#availability-set` in `linux/manage-availability.md`; did you mean `#availability-sets`?',
    ]);
  });
  it('reports a missing same-page anchor without a content root, with no suggestion when nothing is close', () => {
    expect(spans(linkAnchor, selfhelp('public', '[x](#unrelated-words)', '', '## Steps'))).toEqual(['9:5-9:21 No heading for `#unrelated-words` in this article']);
  });
});

describe('image-alt', () => {
  it('reports images without alt text, including HTML images without an alt attribute', () => {
    expect(spans(imageAlt, selfhelp('public', '![ ](media/a.png)', '', '<img src="media/b.png">'))).toEqual(['9:1-9:18 Image has no alt text', '11:1-11:24 Image has no alt text']);
  });
});

describe('link-platform (seed 003 pattern)', () => {
  it('reports a Windows label on a Linux page, ignoring the query', () => {
    const source = [
      '---',
      'title: Maintenance for Windows virtual machines',
      'ms.topic: article',
      '---',
      '# Maintenance for Windows virtual machines',
      '',
      'For high availability, see [*Manage the availability of your Windows virtual machines*](../linux/manage-availability.md?toc=%2fazure%2fvirtual-machines%2flinux%2ftoc.json).',
      '',
      'Scheduled events exist for [Linux](https://learn.microsoft.com/azure/virtual-machines/windows/scheduled-events) too.',
      '',
    ].join('\n');
    expect(spans(linkPlatform, source, { path: 'virtual-machines/windows/maintenance.md' })).toEqual([
      '7:28-7:172 Link text names Windows, but the link points at a Linux page (`/linux/`)',
      '9:28-9:112 Link text names Linux, but the link points at a Windows page (`/windows/`)',
    ]);
  });
  it('checks `[text] (url)` links too', () => {
    expect(runRule(linkPlatform, 'See [Linux] (../windows/x.md).\n').messages).toEqual(['1:5 Link text names Linux, but the link points at a Windows page (`/windows/`)']);
  });
});
