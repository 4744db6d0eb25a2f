import { reportFindings, text } from './report.js';
import { defineRule } from '../define.js';
import type { RuleMeta } from '../api.js';
import { rangeFrom, metadataView } from '@selfhelp/schema';

interface Options {
  /** Allow spaces inside a scenario name (default true; the corpus uses insight titles with spaces). */
  allowSpaces?: boolean;
}

function diagnostics(scenario: string | undefined, type = 'diagnostics'): string {
  return text(
    '<properties',
    '  pageTitle="Your virtual machine was restarted"',
    '  description="The host of your virtual machine was updated"',
    '  ms.author="jdoe"',
    `  selfHelpType="${type}"`,
    '  cloudEnvironments="public"',
    '  articleId="vm-host-update-restart"',
    ...(scenario === undefined ? [] : [`  diagnosticScenario="${scenario}"`]),
    '  ownershipId="Compute_VirtualMachines"',
    '/>',
    '# We found a restart of your virtual machine',
  );
}

const meta: RuleMeta = {
  id: 'diagnostic-scenario',
  description: 'diagnosticScenario is set where the type needs it, and names one scenario',
  category: 'metadata',
  severity: 'error',
  fixable: false,
  appliesTo: { kinds: ['selfhelp'] },
  optionsSchema: { type: 'object', properties: { allowSpaces: { type: 'boolean' } }, additionalProperties: false },
  docs: {
    rationale: [
      '`diagnostics`, `rca`, `servicehealthinsights` and `health` articles are shown when a diagnostic',
      'fires, matched by diagnosticScenario; without it the article is never shown. In the corpus it is',
      'set in 433 of 534 diagnostics articles (the others copied the template\'s empty value), 130 of 136',
      'rca and all 118 servicehealthinsights articles. The value is one scenario name: no commas,',
      'semicolons, tabs or line breaks (three rca articles say `DeploymentFailure,`). Spaces are allowed',
      'by default because 254 diagnostics articles name storage and Azure Stack insights by their titles',
      '(`Storage account name already taken`); set `allowSpaces: false` to require identifiers.',
    ].join('\n'),
    options: '`allowSpaces` (boolean, default `true`): when `false`, a scenario name containing a space is reported.',
    incorrect: [
      { title: 'Missing', source: diagnostics(undefined), messages: ['1:1 diagnosticScenario: required for diagnostics articles'] },
      { title: 'Empty', source: diagnostics(''), messages: ['8:3 diagnosticScenario: must not be empty for diagnostics articles'] },
      {
        title: 'A list',
        source: diagnostics('VmHostUpdate, VmRestart', 'rca'),
        messages: ['8:23 diagnosticScenario: "VmHostUpdate, VmRestart" is not one scenario name (no commas, semicolons, tabs, line breaks or doubled spaces)'],
      },
      {
        title: 'Spaces, with allowSpaces: false',
        source: diagnostics('Vm host update'),
        options: { allowSpaces: false },
        messages: ['8:23 diagnosticScenario: "Vm host update" contains spaces; use an identifier such as "VmHostUpdate"'],
      },
    ],
    correct: [{ source: diagnostics('VmHostUpdate') }, { title: 'Spaces are allowed by default', source: diagnostics('Vm host update') }],
  },
};

export const diagnosticScenario = defineRule(meta, (context) => {
  reportFindings(context, meta);
  const options = (context.options ?? {}) as Options;
  if (options.allowSpaces !== false) return;
  const field = metadataView(context.article).views.get('diagnosticScenario')?.field;
  if (!field || typeof field.value !== 'string') return;
  const value = field.value.trim();
  // Lists and stray whitespace are the schema's finding; only plain inner spaces are left here.
  if (!value.includes(' ') || /[\s,;]{2}|[,;\t\r\n]/.test(value)) return;
  const identifier = value
    .split(' ')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
  const { start, end } = field.valueRange;
  const exact = context.article.source.slice(start.offset, end.offset) === field.value;
  const lead = field.value.length - field.value.trimStart().length;
  context.report({
    message: `diagnosticScenario: "${value}" contains spaces; use an identifier such as "${identifier}"`,
    range: exact ? rangeFrom(context.article.source, start, start.offset + lead, start.offset + lead + value.length) : field.valueRange,
  });
});
