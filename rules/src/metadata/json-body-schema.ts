import { findingsRule, text } from './report.js';

function form(...json: string[]): string {
  return text(
    '<properties',
    '  pageTitle="Slow queries"',
    '  description="Questions about slow queries"',
    '  ms.author="jdoe"',
    '  selfHelpType="problemScopingQuestions"',
    '  supportTopicIds="32612345"',
    '  productPesIds="16579"',
    '  cloudEnvironments="public"',
    '  schemaVersion="1"',
    '  articleId="slow-queries-scoping"',
    '  ownershipId="Data_Sql"',
    '/>',
    '# Slow queries',
    '---',
    ...json,
    '---',
  );
}

export const jsonBodySchema = findingsRule({
  id: 'json-body-schema',
  description: 'The JSON body of scoping questions, support topic descriptions, Advisor recommendations and diagnose-and-solve menus matches its schema',
  category: 'json',
  severity: 'error',
  fixable: true,
  appliesTo: { kinds: ['selfhelp'], selfHelpTypes: ['problemscopingquestions', 'supporttopicdescription', 'advisorrecommendationmetadata', 'diagnoseandsolve'] },
  docs: {
    rationale: [
      'These types carry their content as JSON, checked against `rules/schemas/<type>.body.schema.json`.',
      'A problemScopingQuestions form has `"$schema": "SelfHelpContent"` and `formElements`, each with an',
      '`id` and an integer `order` that no other element repeats, a `controlType` from the nine the corpus',
      'uses (case-insensitive), a `displayLabel` (except info blocks), and options for dropdowns and radio',
      'button groups. Support topic descriptions list support topics with GUID ids, once each; Advisor',
      'recommendations name their category, impact, state, owner and actions. Keys are read',
      'case-insensitively as the service does; a key in another case is a fixable warning. Messages name',
      'the JSON path (`formElements[2].controlType`) and point at the value.',
    ].join('\n'),
    incorrect: [
      {
        title: 'A repeated id, an unknown control and a dropdown without options',
        source: form(
          '{',
          '  "$schema": "SelfHelpContent",',
          '  "formElements": [',
          '    { "id": "start", "order": 1, "controlType": "datetimepicker", "displayLabel": "When did it start?" },',
          '    { "id": "start", "order": 2, "controlType": "calendar", "displayLabel": "When did it end?" },',
          '    { "id": "error", "order": 3, "controlType": "dropdown", "displayLabel": "Which error?" }',
          '  ]',
          '}',
        ),
        messages: [
          '19:13 formElements[1].id: "start" is already the id of formElements[0]',
          '19:49 formElements[1].controlType: unknown control type "calendar"; expected one of datetimepicker, dropdown, multiselectdropdown, textbox, multilinetextbox, numerictextbox, radiobuttongroup, infoblock, textblock',
          '20:5 formElements[2]: a dropdown needs dropdownOptions (or dynamicDropdownOptions)',
        ],
      },
      {
        title: 'A key in another case',
        source: form('{', '  "$schema": "SelfHelpContent",', '  "formElements": [', '    { "id": "details", "order": 1, "controltype": "multilinetextbox", "displayLabel": "Details" }', '  ]', '}'),
        messages: ['18:36 formElements[0].controltype: write the key as "controlType"'],
        output: form('{', '  "$schema": "SelfHelpContent",', '  "formElements": [', '    { "id": "details", "order": 1, "controlType": "multilinetextbox", "displayLabel": "Details" }', '  ]', '}'),
      },
    ],
    correct: [
      {
        source: form(
          '{',
          '  "$schema": "SelfHelpContent",',
          '  "title": "Slow queries",',
          '  "formElements": [',
          '    { "id": "start", "order": 1, "controlType": "datetimepicker", "displayLabel": "When did it start?", "required": true },',
          '    { "id": "kind", "order": 2, "controlType": "dropdown", "displayLabel": "Which queries?", "dropdownOptions": [{ "value": "all", "text": "All" }] },',
          '    { "id": "problem_description", "order": 3, "controlType": "multilinetextbox", "displayLabel": "Details", "useAsAdditionalDetails": true }',
          '  ]',
          '}',
        ),
      },
    ],
  },
});
