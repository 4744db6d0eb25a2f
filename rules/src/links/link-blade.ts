// The portal's blade links: data-blade:<Extension>.<Blade>[.<parameter>.<value>]...
import { parseBladeHref } from '@selfhelp/links';
import { defineRule } from '../define.js';
import { hrefPartRange, lines } from './util.js';

const header = ['<properties', '  pageTitle="Reset the VPN gateway"', '  selfHelpType="resource"', '  cloudEnvironments="public"', '/>', '# Reset the VPN gateway', ''];

export const linkBlade = defineRule(
  {
    id: 'link-blade',
    description: '`data-blade:`, `button-data-blade:` and `button-data-context:` links follow the portal grammar',
    category: 'links',
    severity: 'error',
    fixable: false,
    appliesTo: { kinds: ['selfhelp', 'fragment'] },
    docs: {
      rationale: lines(
        'Self-help articles open portal blades with `data-blade:` links (`button-data-blade:` and',
        '`button-data-context:` render as buttons). The destination is `<Extension>.<Blade>` followed by',
        'parameter name/value pairs, all separated by dots:',
        '',
        '```text',
        'data-blade:Microsoft_Azure_Billing.SubscriptionPropertiesBlade',
        'data-blade:Microsoft_Azure_Health.resourcehealthdetailblade.resourceId.$resourceId',
        '```',
        '',
        'Names are letters, digits and `_`; a value is `$name` (filled in by the portal, e.g. `$resourceId`,',
        '`$subscriptionId`) or a literal of letters, digits, `_` and `-`. The portal silently ignores a link',
        'that does not parse, so a missing blade name, an empty segment (`..`), a stray character or a',
        'parameter without a value leaves a dead link or button.',
      ),
      incorrect: [
        {
          title: 'A parameter without its value, and a missing blade',
          source: lines(...header, 'Use [Reset](data-blade:Microsoft_Azure_Network.VirtualNetworkGatewayResetBlade.id) or [Health](button-data-blade:Microsoft_Azure_Health).', ''),
          messages: [
            '8:80 Parameter `id` has no value: expected `.id.<value>`',
            '8:114 Missing blade name: expected `button-data-blade:<Extension>.<Blade>`',
          ],
        },
        {
          title: 'An empty segment and a stray character',
          source: lines(...header, 'Use [Health](data-blade:Microsoft_Azure_Health..resourceId.$resourceId) or [Flip](button-data-context:Microsoft_Azure_Compute.Redeploy/Blade).', ''),
          messages: ['8:47 Empty blade in data-blade link', '8:135 Unexpected `/` in the blade of button-data-context link'],
        },
      ],
      correct: [
        {
          title: 'Blades with and without parameters',
          source: lines(
            ...header,
            'Open [Properties](data-blade:Microsoft_Azure_Billing.SubscriptionPropertiesBlade) or',
            '[Resource health](data-blade:Microsoft_Azure_Health.resourcehealthdetailblade.resourceId.$resourceId), or',
            '[Redeploy](button-data-context:Microsoft_Azure_Compute.VirtualMachineRedeployViewModel.id.$resourceId).',
            '',
          ),
        },
      ],
    },
  },
  (context) => {
    const { article } = context;
    for (const link of article.links) {
      if (link.kind !== 'data-blade' && link.kind !== 'button-data-blade' && link.kind !== 'button-data-context') continue;
      const href = link.href.trimStart();
      const lead = link.href.length - href.length;
      const parsed = parseBladeHref(href);
      if (!parsed || !('problem' in parsed)) continue;
      const [start, end] = parsed.problem.range;
      context.report({ message: parsed.problem.message, range: hrefPartRange(article, link, lead + start, lead + end) });
    }
  },
);
