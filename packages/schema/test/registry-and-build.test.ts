import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SupportTopicRegistry, parseRegistryFile, suggest, editDistance } from '@selfhelp/schema';

const here = dirname(fileURLToPath(import.meta.url));

describe('SupportTopicRegistry', () => {
  it('answers per product, case-insensitively', () => {
    const registry = new SupportTopicRegistry([
      { product: 'AAAA0000-0000-0000-0000-000000000001', topics: ['T1', 't2'], source: 'a.md' },
      { product: '16579', topics: ['t3'], source: 'registry.json' },
    ]);
    expect(registry.size).toBe(2);
    expect(registry.hasProduct('aaaa0000-0000-0000-0000-000000000001')).toBe(true);
    expect(registry.declares('aaaa0000-0000-0000-0000-000000000001', 't1')).toBe(true);
    expect(registry.declares('16579', 't1')).toBe(false);
    expect(registry.productsDeclaring('T3')).toEqual(['16579']);
    expect(registry.sourcesOf('16579')).toEqual(['registry.json']);
  });
  it('reads a registry file, flat or under "products", and rejects other shapes with one line', () => {
    expect(parseRegistryFile('{"16579": ["t1"]}', 'r.json')).toEqual([{ product: '16579', topics: ['t1'], source: 'r.json' }]);
    expect(parseRegistryFile('{"products": {"16579": []}}', 'r.json')).toEqual([{ product: '16579', topics: [], source: 'r.json' }]);
    expect(() => parseRegistryFile('[1]', 'r.json')).toThrow('r.json: expected an object mapping product IDs to lists of support topic IDs');
    expect(() => parseRegistryFile('{"16579": "t1"}', 'r.json')).toThrow('r.json: product "16579" must map to a list of support topic ID strings');
    expect(() => parseRegistryFile('{', 'r.json')).toThrow(/^r\.json: not valid JSON/);
  });
});

describe('suggest', () => {
  it('finds likely typos only', () => {
    expect(editDistance('supportToicIds', 'supportTopicIds')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(suggest('infoBubbleTest', ['infoBubbleText', 'pageTitle'])).toBe('infoBubbleText');
    expect(suggest('reviewer', ['pageTitle', 'resource'])).toBeUndefined();
    expect(suggest('abc', ['xyz'])).toBeUndefined();
  });
});

describe('ahead-of-time compilation', () => {
  it('never imports the ajv compiler at run time', () => {
    const src = join(here, '..', 'src');
    for (const file of readdirSync(src)) {
      const code = readFileSync(join(src, file), 'utf8');
      expect(code, file).not.toMatch(/from ['"]ajv(?:-formats)?['"]/);
    }
  });
  it('has one schema per selfHelpType, Learn, and the JSON bodies', () => {
    const schemas = readdirSync(join(here, '..', '..', '..', 'rules', 'schemas')).sort();
    for (const name of ['generic', 'diagnostics', 'rca', 'resource', 'problemscopingquestions', 'tsg_content', 'tsg_description', 'advisorrecommendationmetadata', 'servicehealthinsights', 'supporttopicdescription', 'apollo', 'diagnoseandsolve', 'tools', 'health', 'learn']) {
      expect(schemas).toContain(`${name}.schema.json`);
    }
    for (const name of ['problemscopingquestions', 'supporttopicdescription', 'advisorrecommendationmetadata', 'diagnoseandsolve']) expect(schemas).toContain(`${name}.body.schema.json`);
    for (const name of schemas) {
      const schema = JSON.parse(readFileSync(join(here, '..', '..', '..', 'rules', 'schemas', name), 'utf8')) as { description?: string; $id?: string };
      expect(schema.$id, name).toBe(`https://github.com/selfhelp/selfhelp/blob/main/rules/schemas/${name}`);
      expect((schema.description ?? '').length, name).toBeGreaterThan(100);
    }
  });
});
