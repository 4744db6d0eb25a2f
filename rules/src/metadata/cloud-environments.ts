import { findingsRule, generic } from './report.js';

export const cloudEnvironments = findingsRule({
  id: 'cloud-environments',
  description: 'cloudEnvironments and disableClouds name known clouds, once each; disableClouds only clouds the article is in',
  category: 'metadata',
  severity: 'error',
  fixable: true,
  appliesTo: { kinds: ['selfhelp'] },
  docs: {
    rationale: [
      'cloudEnvironments decides which clouds an article is published to. The names are `public`,',
      '`fairfax`, `mooncake`, `blackforest`, `usnat` and `ussec` (case-insensitive; spelling is',
      '`metadata-value-case`\'s concern); an unknown name publishes nowhere. The list must not be empty.',
      '`disableClouds` takes the same names and should only name clouds listed in cloudEnvironments (a',
      'warning: harmless, but the two lists have drifted apart); a disableClouds that removes every cloud',
      'publishes the article nowhere. Repeated names and list syntax problems are fixable.',
    ].join('\n'),
    incorrect: [
      {
        title: 'A misspelt cloud',
        source: generic({ cloudEnvironments: 'public, moon-cake' }),
        messages: ['8:30 cloudEnvironments: unknown cloud "moon-cake"; expected one of public, fairfax, mooncake, blackforest, usnat, ussec'],
      },
      {
        title: 'disableClouds outside cloudEnvironments',
        source: generic({ disableClouds: 'mooncake' }),
        messages: ['11:18 disableClouds: "mooncake" is not in cloudEnvironments'],
      },
      {
        title: 'A repeated cloud',
        source: generic({ cloudEnvironments: 'public, fairfax, public' }),
        messages: ['8:39 cloudEnvironments: "public" is listed twice'],
        output: generic({ cloudEnvironments: 'public, fairfax' }),
      },
    ],
    correct: [{ source: generic({ cloudEnvironments: 'public, fairfax, mooncake', disableClouds: 'mooncake' }) }],
  },
});
