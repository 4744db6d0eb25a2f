import { text } from './report.js';

/** A Learn article whose frontmatter has the given `key: value` lines replaced (undefined drops the key). */
export function learnArticle(changes: Record<string, string | undefined> = {}): string {
  const fields: [string, string][] = [
    ['title', 'Plan maintenance for Azure virtual machines'],
    ['description', 'Learn how Azure updates the hosts of your virtual machines, how to see planned maintenance and how to apply it yourself.'],
    ['author', 'jdoe-gh'],
    ['ms.author', 'jdoe'],
    ['ms.service', 'virtual-machines'],
    ['ms.topic', 'overview'],
    ['ms.date', '03/20/2024'],
  ];
  for (const [key, value] of Object.entries(changes)) {
    const at = fields.findIndex(([k]) => k === key);
    if (at >= 0 && value === undefined) fields.splice(at, 1);
    else if (at >= 0 && value !== undefined) fields[at] = [key, value];
    else if (value !== undefined) fields.push([key, value]);
  }
  return text('---', ...fields.map(([k, v]) => `${k}: ${v}`), '---', '# Plan maintenance for Azure virtual machines');
}
