import { describe, expect, it } from 'vitest';
import { applyEdits, parseArticle, parseMetadata } from '@selfhelp/core';
import { validateArticle, type Finding } from '@selfhelp/schema';

const show = (f: Finding) => `${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column} ${f.rule}/${f.code} ${f.message}`;
const validate = (source: string) => validateArticle(parseArticle(source, { path: 'a.md' })).map(show);
const text = (...rows: string[]) => `${rows.join('\n')}\n`;

const VALID = [
  '<properties',
  '  pageTitle="Reset a password"',
  '  description="Reset a password you forgot"',
  '  ms.author="jdoe"',
  '  selfHelpType="generic"',
  '  supportTopicIds="32612345"',
  '  productPesIds="16579"',
  '  cloudEnvironments="public"',
  '  articleId="reset-password"',
  '  ownershipId="Identity_Passwords"',
  '/>',
  '# Reset a password',
];
/** VALID with the line for `key` replaced (or dropped when row is undefined). */
function withRow(key: string, row: string | undefined): string {
  const rows = [...VALID];
  const at = rows.findIndex((r) => r.trimStart().startsWith(`${key}=`));
  if (at < 0) throw new Error(key);
  if (row === undefined) rows.splice(at, 1);
  else rows[at] = row;
  return text(...rows);
}

describe('validateArticle: properties', () => {
  it('accepts a valid article', () => {
    expect(validate(text(...VALID))).toEqual([]);
  });

  it('points at the exact list item', () => {
    expect(validate(withRow('supportTopicIds', '  supportTopicIds="32612345, 1234, 0415010b-7dfe-5f6f-c16a-62f4ca12464d"'))).toEqual([
      '6:30-6:34 support-topic-ids/support-topic-id-format supportTopicIds: "1234" is not a support topic ID; expected an 8-digit number or a GUID',
    ]);
  });

  it('reports an unknown cloud once, at the item, with the allowed names', () => {
    expect(validate(withRow('cloudEnvironments', '  cloudEnvironments="public, moon-cake"'))).toEqual([
      '8:30-8:39 cloud-environments/cloud-unknown cloudEnvironments: unknown cloud "moon-cake"; expected one of public, fairfax, mooncake, blackforest, usnat, ussec',
    ]);
  });

  it('reports cloud names in another case once per field, with a fix for all of them', () => {
    const source = withRow('cloudEnvironments', '  cloudEnvironments="Public, fairfax, USNat"');
    const findings = validateArticle(parseArticle(source, { path: 'a.md' }));
    expect(findings.map(show)).toEqual(['8:22-8:44 metadata-value-case/cloud-case cloudEnvironments: write cloud names in lower case ("Public", "USNat")']);
    expect(applyEdits(source, findings.flatMap((f) => (f.fix ? [f.fix] : []))).output).toBe(withRow('cloudEnvironments', '  cloudEnvironments="public, fairfax, usnat"'));
  });

  it('reports list syntax and duplicates with fixes', () => {
    const source = withRow('productPesIds', '  productPesIds="16579;15797,,16579"');
    const findings = validateArticle(parseArticle(source, { path: 'a.md' }));
    expect(findings.map(show)).toEqual([
      '7:23-7:24 product-pes-ids/list-separator productPesIds: separate items with "," not ";"',
      '7:29-7:31 product-pes-ids/list-empty-item productPesIds: empty item; remove the extra ","',
      '7:31-7:36 product-pes-ids/list-duplicate productPesIds: "16579" is listed twice',
    ]);
    // One pass applies the first non-overlapping edit; a second pass the rest, as --fix does.
    let out = source;
    for (let pass = 0; pass < 5; pass++) {
      const edits = validateArticle(parseArticle(out, { path: 'a.md' })).flatMap((f) => (f.fix ? [f.fix] : []));
      if (!edits.length) break;
      out = applyEdits(out, edits).output;
    }
    expect(out).toBe(withRow('productPesIds', '  productPesIds="16579,15797"'));
  });

  it('reports a missing required field at <properties and an empty one at the attribute', () => {
    const source = withRow('ownershipId', undefined).replace('pageTitle="Reset a password"', 'pageTitle=""');
    expect(validate(source)).toEqual([
      '1:1-1:12 metadata-required/required ownershipId: required for generic articles',
      '2:3-2:15 metadata-required/empty-value pageTitle: must not be empty',
    ]);
  });

  it('collapses the author alternatives into one message', () => {
    expect(validate(withRow('ms.author', undefined))).toEqual(["1:1-1:12 metadata-required/required ms.author: required; name the Microsoft alias of the article's owner"]);
  });

  it('reads keys case-insensitively and offers the canonical spelling as a fix', () => {
    const source = withRow('articleId', '  articleid="reset-password"');
    const findings = validateArticle(parseArticle(source, { path: 'a.md' }));
    expect(findings.map(show)).toEqual(['9:3-9:12 metadata-key-case/key-case articleid: write the key as "articleId"']);
    expect(applyEdits(source, [findings[0]!.fix!]).output).toBe(text(...VALID));
  });

  it('suggests a close known key for an unknown one', () => {
    expect(validate(withRow('supportTopicIds', '  supportToicIds="32612345"'))).toEqual([
      '1:1-1:12 support-topic-ids/required supportTopicIds: required for generic articles',
      '6:3-6:17 metadata-unknown-key/unknown-key supportToicIds: unknown key; did you mean "supportTopicIds"?',
    ]);
  });

  it('reports selfHelpType spelling, unknown types and falls back to the shared fields', () => {
    expect(validate(withRow('selfHelpType', '  selfHelpType=" GENERIC"'))).toEqual(['5:18-5:25 metadata-value-case/self-help-type-case selfHelpType: write "generic" (not "GENERIC")']);
    expect(validate(withRow('selfHelpType', '  selfHelpType="diagnostic"'))).toEqual([
      '5:17-5:27 self-help-type/self-help-type-unknown selfHelpType: unknown type "diagnostic"; did you mean "diagnostics"?',
    ]);
  });

  it('requires diagnosticScenario for insight types and rejects a list', () => {
    const diag = withRow('selfHelpType', '  selfHelpType="rca"');
    expect(validate(diag)).toEqual(['1:1-1:12 diagnostic-scenario/required diagnosticScenario: required for rca articles']);
    expect(validate(diag.replace('  ownershipId=', '  diagnosticScenario="VmRestart,"\n  ownershipId='))).toEqual([
      '10:23-10:33 diagnostic-scenario/diagnostic-scenario-format diagnosticScenario: "VmRestart," is not one scenario name (no commas, semicolons, tabs, line breaks or doubled spaces)',
    ]);
  });

  it('checks displayOrder, articleId and disableClouds', () => {
    const source = text(
      ...VALID.slice(0, 8),
      '  articleId="reset password"',
      '  ownershipId="Identity_Passwords"',
      '  displayOrder="first"',
      '  disableClouds="mooncake"',
      '/>',
      '# Reset',
    );
    expect(validate(source)).toEqual([
      '9:14-9:28 article-id/article-id-format articleId: "reset password" is not a GUID or a slug (letters, digits, "-", "_", ".")',
      '11:17-11:22 display-order/display-order-integer displayOrder: "first" is not an integer',
      '12:18-12:26 cloud-environments/disable-clouds-subset disableClouds: "mooncake" is not in cloudEnvironments',
    ]);
  });

  it('marks schema warnings as warnings', () => {
    const findings = validateArticle(parseArticle(withRow('ms.author', '  authors="Jane Doe"'), { path: 'a.md' }));
    expect(findings.map((f) => `${f.severity} ${f.message}`)).toEqual(['warning authors: "Jane Doe" is not a GitHub user name; write the user name without spaces']);
  });

  it('works on the metadata-only parse and caches per article', () => {
    const meta = parseMetadata(withRow('articleId', '  articleId=""'), { path: 'a.md' });
    const first = validateArticle(meta);
    expect(first.map(show)).toEqual(['9:3-9:15 article-id/empty-value articleId: must not be empty; use a GUID or a slug']);
    expect(validateArticle(meta)).toEqual(first);
  });
});

describe('validateArticle: Learn frontmatter', () => {
  const learn = (...rows: string[]) => text('---', ...rows, '---', '# Plan');
  const ok = [
    'title: Plan maintenance for Azure virtual machines',
    'description: Learn how Azure updates the hosts of your virtual machines, how to see planned maintenance and how to apply it yourself.',
    'author: jdoe-gh',
    'ms.author: jdoe',
    'ms.service: virtual-machines',
    'ms.topic: overview',
    'ms.date: 03/20/2024',
  ];
  it('accepts a complete frontmatter', () => {
    expect(validate(learn(...ok))).toEqual([]);
  });
  it('maps YAML values to their ranges', () => {
    expect(validate(learn(...ok.slice(0, 5), 'ms.topic: "guide"', 'ms.date: 2024-03-20'))).toEqual([
      expect.stringMatching(/^7:11-7:18 learn-metadata\/ms-topic-unknown ms.topic: unknown topic type "guide"; expected one of architecture, /),
      '8:10-8:20 learn-ms-date/ms-date-format ms.date: "2024-03-20" is not a date in MM/DD/YYYY form',
    ]);
  });
  it('checks that ms.date is a real date and reports lengths as warnings', () => {
    const findings = validateArticle(parseArticle(learn('title: Plan', 'description: Short.', ...ok.slice(2, 6), 'ms.date: 02/29/2023'), { path: 'l.md' }));
    expect(findings.map((f) => `${f.severity} ${show(f)}`)).toEqual([
      'warning 3:14-3:20 learn-metadata-length/learn-description-length description: 6 characters; Learn recommends at least 100',
      'error 8:10-8:20 learn-ms-date/ms-date-invalid ms.date: "02/29/2023" is not a real date (02/2023 has 28 days); write MM/DD/YYYY',
    ]);
  });
  it('reports missing fields at the opening fence and typos of keys', () => {
    expect(validate(learn(...ok.filter((r) => !r.startsWith('ms.service')), 'ms.servce: virtual-machines'))).toEqual([
      '1:1-1:4 learn-metadata/learn-required ms.service: required in Learn frontmatter',
      '8:1-8:10 metadata-unknown-key/unknown-key ms.servce: unknown key; did you mean "ms.service"?',
    ]);
  });
});

describe('validateArticle: JSON bodies', () => {
  const form = (...json: string[]) =>
    text(
      '<properties',
      '  pageTitle="Slow queries"',
      '  description="Questions about slow queries"',
      '  ms.author="jdoe"',
      '  selfHelpType="problemScopingQuestions"',
      '  supportTopicIds="32612345"',
      '  productPesIds="16579"',
      '  cloudEnvironments="public"',
      '  schemaVersion="1"',
      '  articleId="slow-queries"',
      '  ownershipId="Data_Sql"',
      '/>',
      '# Slow queries',
      '---',
      ...json,
      '---',
    );
  it('maps JSON paths to node ranges and names the path', () => {
    expect(
      validate(
        form(
          '{',
          '  "$schema": "SelfHelp",',
          '  "formElements": [',
          '    { "id": "a", "order": 1.5, "controlType": "Dropdown", "displayLabel": "Pick", "dropdownOptions": [{ "value": "x" }] },',
          '    { "id": "b", "order": 2, "controlType": "textbox" }',
          '  ]',
          '}',
        ),
      ),
    ).toEqual([
      '16:14-16:24 json-body-schema/json-schema-name $schema: must be "SelfHelpContent"',
      '18:27-18:30 json-body-schema/json-type formElements[0].order: expected an integer, found the number 1.5',
      '18:103-18:104 json-body-schema/json-required formElements[0].dropdownOptions[0]: an option needs "text"',
      '19:5-19:6 json-body-schema/json-required formElements[1]: a textbox needs a displayLabel',
    ]);
  });
  it('reports repeated ids and orders', () => {
    expect(
      validate(
        form(
          '{ "$schema": "SelfHelpContent", "formElements": [',
          '  { "id": "a", "order": 1, "controlType": "infoblock" },',
          '  { "id": "a", "order": 1, "controlType": "infoblock" }',
          '] }',
        ),
      ),
    ).toEqual([
      '17:11-17:14 json-body-schema/json-duplicate-id formElements[1].id: "a" is already the id of formElements[0]',
      '17:25-17:26 json-body-schema/json-duplicate-order formElements[1].order: "1" is already the order of formElements[0]',
    ]);
  });
  it('reads JSON keys case-insensitively, with a fix to the canonical case', () => {
    const source = form('{ "$schema": "SelfHelpContent", "FormElements": [', '  { "id": "a", "order": 1, "controlType": "infoblock" }', '] }');
    const findings = validateArticle(parseArticle(source, { path: 'a.md' }));
    expect(findings.map(show)).toEqual(['15:33-15:47 json-body-schema/json-key-case FormElements: write the key as "formElements"']);
    expect(applyEdits(source, [findings[0]!.fix!]).output).toBe(source.replace('"FormElements"', '"formElements"'));
  });
  it('leaves a body that does not parse to the parser', () => {
    const findings = validateArticle(parseArticle(form('{ "$schema": '), { path: 'a.md' }));
    expect(findings).toEqual([]);
  });
});

describe('validateArticle: robustness', () => {
  it.each([
    ['an empty file', ''],
    ['an unclosed properties block', '<properties pageTitle="x" selfHelpType="generic"\n'],
    ['a __proto__ key', '<properties __proto__="x" constructor="y" selfHelpType="generic" />\n# T\n'],
    ['frontmatter that is a list', '---\n- a\n- b\n---\n# T\n'],
    ['a JSON body that is an array', '<properties selfHelpType="supportTopicDescription" />\n# T\n---\n[1, 2]\n---\n'],
    ['a JSON body with a __proto__ member', '<properties selfHelpType="problemScopingQuestions" />\n# T\n---\n{ "__proto__": { "formElements": 1 }, "formElements": [null] }\n---\n'],
  ])('does not throw on %s', (_name, source) => {
    expect(() => validateArticle(parseArticle(source, { path: 'x.md' }))).not.toThrow();
    expect(validateArticle(parseArticle(source, { path: 'x.md' })).every((f) => f.code !== 'validation-internal-error')).toBe(true);
  });
});
