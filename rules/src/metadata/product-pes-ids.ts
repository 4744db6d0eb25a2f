import { findingsRule, generic } from './report.js';

export const productPesIds = findingsRule({
  id: 'product-pes-ids',
  description: 'productPesIds is a comma-separated list of numeric product IDs or GUIDs, without empty or repeated items',
  category: 'metadata',
  severity: 'error',
  fixable: true,
  appliesTo: { kinds: ['selfhelp'] },
  docs: {
    rationale: [
      'productPesIds names the products an article belongs to: numbers (4,711 in the corpus) or GUIDs',
      '(129). It is required for `generic`, `problemScopingQuestions`, `Apollo`, `diagnoseandsolve` and',
      '`supportTopicDescription` articles; a `supportTopicDescription` describes exactly one product, by',
      'GUID. List syntax problems are fixable as for `support-topic-ids`.',
    ].join('\n'),
    incorrect: [
      { title: 'A placeholder', source: generic({ productPesIds: 'ProductId' }), messages: ['7:18 productPesIds: "ProductId" is not a product ID; expected a number or a GUID'] },
      {
        title: 'A trailing comma',
        source: generic({ productPesIds: '16579,' }),
        messages: ['7:23 productPesIds: empty item; remove the extra ","'],
        output: generic({ productPesIds: '16579' }),
      },
    ],
    correct: [{ source: generic({ productPesIds: '16579, 15797' }) }],
  },
});
