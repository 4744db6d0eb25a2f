// Azure clouds and the documentation / portal hosts that belong to them.
import { splitHref, hostIs } from './href.js';
import { isLocaleSegment } from './locale.js';

export type CloudName = 'public' | 'fairfax' | 'mooncake' | 'blackforest' | 'usnat' | 'ussec';

export const CLOUD_NAMES: readonly CloudName[] = ['public', 'fairfax', 'mooncake', 'blackforest', 'usnat', 'ussec'];

/** Parses a `cloudEnvironments` value (`"public, Fairfax"` or a YAML list) into known cloud names, lower-cased; unknown names are dropped. */
export function parseCloudList(value: unknown): CloudName[] {
  const items = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : [];
  const out: CloudName[] = [];
  for (const item of items) {
    const name = item.trim().toLowerCase() as CloudName;
    if (CLOUD_NAMES.includes(name) && !out.includes(name)) out.push(name);
  }
  return out;
}

/** True when the clouds are exactly Mooncake (Azure operated by 21Vianet in China). */
export function isMooncakeOnly(clouds: readonly CloudName[]): boolean {
  return clouds.length > 0 && clouds.every((c) => c === 'mooncake');
}

export interface CloudHost {
  /** The clouds whose readers can use this site. */
  clouds: readonly CloudName[];
  /** A short name for messages. */
  label: string;
}

/** Hosts that serve only one cloud's readers. */
const CLOUD_BOUND_HOSTS: { domain: string; clouds: CloudName[]; label: string }[] = [
  { domain: 'docs.azure.cn', clouds: ['mooncake'], label: 'Azure China documentation' },
  { domain: 'portal.azure.cn', clouds: ['mooncake'], label: 'Azure China portal' },
  { domain: 'support.azure.cn', clouds: ['mooncake'], label: 'Azure China support' },
  { domain: 'portal.azure.us', clouds: ['fairfax', 'usnat', 'ussec'], label: 'Azure Government portal' },
];

/** The clouds an http(s) link is bound to, when its host serves only some clouds. */
export function cloudOfHref(href: string): CloudHost | undefined {
  const parts = splitHref(href);
  if (parts.scheme !== 'https' && parts.scheme !== 'http') return undefined;
  for (const entry of CLOUD_BOUND_HOSTS) {
    if (hostIs(parts.host, entry.domain)) return { clouds: entry.clouds, label: entry.label };
  }
  return undefined;
}

/**
 * For an article written only for Mooncake: a link to the global Azure documentation
 * (`learn.microsoft.com/azure/...` or `docs.microsoft.com/azure/...`) whose Mooncake counterpart lives on
 * docs.azure.cn. The Chinese-language Learn pages (`/zh-cn/`) are accepted for Mooncake.
 * Returns the suggested docs.azure.cn URL.
 */
export function mooncakeCounterpart(href: string): string | undefined {
  const parts = splitHref(href);
  if (parts.scheme !== 'https' && parts.scheme !== 'http') return undefined;
  if (parts.host !== 'learn.microsoft.com' && parts.host !== 'docs.microsoft.com') return undefined;
  const segments = parts.path.split('/');
  // segments[0] is '' (the path starts with '/').
  let rest = segments.slice(1);
  if (rest[0] && isLocaleSegment(rest[0])) {
    if (rest[0].toLowerCase() === 'zh-cn') return undefined;
    rest = rest.slice(1);
  }
  if (rest[0]?.toLowerCase() !== 'azure') return undefined;
  const tail = href.slice(parts.pathRange[1]);
  return `https://docs.azure.cn/zh-cn/${rest.slice(1).join('/')}${tail}`;
}

/** Documentation home of each cloud, for messages. */
export const CLOUD_DOC_HOST: Record<CloudName, string> = {
  public: 'learn.microsoft.com',
  fairfax: 'learn.microsoft.com',
  usnat: 'learn.microsoft.com',
  ussec: 'learn.microsoft.com',
  blackforest: 'learn.microsoft.com',
  mooncake: 'docs.azure.cn',
};
