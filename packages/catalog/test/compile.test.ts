// Each catalog field and index on the fixture articles, cloud filtering with disableClouds, what is
// left out (fragments, Learn pages) and the schema the catalog is validated against.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Ajv } from 'ajv';
import { compileCatalog, compileAtRunTime, CATALOG_SCHEMA_PATH, catalogValidator, type BuildResult, type CatalogArticle } from '@selfhelp/catalog';
import { cleanup, FIXTURE, project } from './helpers.js';

afterAll(cleanup);

interface CatalogFile {
  $schema: string;
  generator: { name: string; version: string };
  articles: CatalogArticle[];
  indexes: Record<string, Record<string, string[]>>;
}

let dir: string;
let result: BuildResult;
const read = (rel: string): CatalogFile => JSON.parse(readFileSync(join(dir, 'dist', rel), 'utf8')) as CatalogFile;

beforeAll(async () => {
  dir = project(FIXTURE);
  result = await compileCatalog({ root: dir, paths: [join(dir, 'articles')], outDir: join(dir, 'dist'), cache: false, generator: { name: 'selfhelp', version: '9.8.7' } });
});

describe('catalog.json', () => {
  test('the build writes every file and reports what it did', () => {
    expect(result.written).toBe(true);
    expect(result.invalid).toEqual([]);
    expect(result.excluded).toEqual({ fragment: ['articles/snippets/loose-fragment.md'], learn: ['articles/docs/learn-page.md'] });
    expect(result.outputs.map((o) => [o.path, o.articles])).toEqual([
      ['catalog.json', 3],
      ['catalog.schema.json', 0],
      ['clouds/public.json', 3],
      ['clouds/fairfax.json', 2],
      ['clouds/mooncake.json', 1],
      ['clouds/blackforest.json', 1],
      ['clouds/usnat.json', 2],
      ['clouds/ussec.json', 1],
    ]);
    for (const output of result.outputs) expect(output.bytes).toBe(readFileSync(join(dir, 'dist', output.path)).length);
    expect(result.stats).toMatchObject({ files: 5, rendered: 3, fromCache: 0, cache: 'off' });
  });

  test('envelope: $schema, generator, articles sorted by id', () => {
    const catalog = read('catalog.json');
    expect(Object.keys(catalog)).toEqual(['$schema', 'generator', 'articles', 'indexes']);
    expect(catalog.$schema).toBe('./catalog.schema.json');
    expect(catalog.generator).toEqual({ name: 'selfhelp', version: '9.8.7' });
    expect(catalog.articles.map((a) => a.id)).toEqual(['st-5000', 'storage-upload-form', 'vm-restart-diagnostic']);
  });

  test('every field of a diagnostics article with tokens, an action link and an include', () => {
    const vm = read('catalog.json').articles.find((a) => a.id === 'vm-restart-diagnostic')!;
    expect(Object.keys(vm)).toEqual([
      'id', 'source', 'kind', 'selfHelpType', 'title', 'pageTitle', 'description', 'diagnosticScenario', 'clouds', 'supportTopicIds',
      'productPesIds', 'metadata', 'issueDescription', 'body', 'html', 'sections', 'links', 'includes', 'hash',
    ]);
    expect(vm).toMatchObject({
      id: 'vm-restart-diagnostic',
      source: 'articles/vm/restart-diagnostic.md',
      kind: 'selfhelp',
      selfHelpType: 'diagnostics',
      title: 'Your machine restarted on its own',
      pageTitle: 'Your machine restarted on its own',
      description: 'A diagnostic that explains unexpected restarts.',
      diagnosticScenario: 'VmUnexpectedRestart',
      clouds: ['fairfax', 'public'],
      supportTopicIds: ['1001', '1002'],
      productPesIds: ['2001'],
      body: null,
      includes: ['includes/restart-note.md'],
    });
    expect(vm.metadata).toEqual({
      pageTitle: 'Your machine restarted on its own',
      description: 'A diagnostic that explains unexpected restarts.',
      service: 'microsoft.compute',
      resource: 'virtualmachines',
      authors: ['writer-one', 'writer-two'],
      'ms.author': ['writerone'],
      displayOrder: 3,
      articleId: 'vm-restart-diagnostic',
      diagnosticScenario: 'VmUnexpectedRestart',
      selfHelpType: 'diagnostics',
      supportTopicIds: ['1001', '1002'],
      productPesIds: ['2001'],
      cloudEnvironments: ['public', 'fairfax', 'mooncake'],
      disableClouds: ['mooncake'],
    });
    expect(vm.issueDescription).toEqual({
      template: 'On <!--$eventTime-->eventTime<!--/$eventTime--> the machine <!--$vmName--> vmName <!--/$vmName--> restarted.',
      tokens: [
        { name: 'eventTime', default: 'eventTime' },
        { name: 'vmName', default: 'vmName' },
      ],
      html: '<p>On <span data-token="eventTime">eventTime</span> the machine <span data-token="vmName"> vmName </span> restarted.</p>',
    });
    expect(vm.html).toBe(
      [
        '<h1 id="your-machine-restarted-on-its-own">Your machine restarted on its own</h1>',
        '<p>On <span data-token="eventTime">eventTime</span> the machine <span data-token="vmName"> vmName </span> restarted.</p>',
        '<p>Start with <a href="https://learn.example.com/guide">the guide</a>.</p>',
        '<h2 id="what-to-do">What to do</h2>',
        '<ol>',
        '<li>Open the <a data-blade="Microsoft_Azure_Compute.RestartHistoryBlade">restart history</a>.</li>',
        '<li>Check <span data-token="vmName">vmName</span> again.</li>',
        '</ol>',
        '<blockquote>',
        '<p>A shared note about restarts. See <a href="https://status.example.com">the status page</a>.</p>',
        '</blockquote>',
      ].join('\n'),
    );
    expect(vm.sections.map((s) => [s.heading, vm.html.slice(s.start, s.end).split('\n')[0]])).toEqual([
      [{ depth: 1, text: 'Your machine restarted on its own', id: 'your-machine-restarted-on-its-own' }, '<h1 id="your-machine-restarted-on-its-own">Your machine restarted on its own</h1>'],
      [{ depth: 2, text: 'What to do', id: 'what-to-do' }, '<h2 id="what-to-do">What to do</h2>'],
    ]);
    expect(vm.sections[1]!.end).toBe(vm.html.length);
    expect(vm.links).toEqual([
      { kind: 'https', href: 'https://learn.example.com/guide', text: 'the guide', image: false, line: 24, column: 12 },
      { kind: 'data-blade', href: 'data-blade:Microsoft_Azure_Compute.RestartHistoryBlade', text: 'restart history', image: false, line: 28, column: 13 },
      { kind: 'https', href: 'https://status.example.com', text: 'the status page', image: false, line: 1, column: 37, include: 'includes/restart-note.md' },
    ]);
    expect(vm.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  test('a JSON body is parsed into `body` and left out of the HTML', () => {
    const form = read('catalog.json').articles.find((a) => a.id === 'storage-upload-form')!;
    expect(form.selfHelpType).toBe('problemScopingQuestions');
    expect(form.body).toEqual({
      title: 'Upload problems',
      formElements: [{ id: 'started', order: 1, controlType: 'datetimepicker', displayLabel: 'When did it start?', required: true }],
    });
    expect(form.html).toBe('<h1 id="upload-problems">Upload problems</h1>');
    expect(form.issueDescription).toBeNull();
    expect(form.diagnosticScenario).toBeNull();
    expect(form.links).toEqual([]);
  });

  test('lower-case keys and type spellings come out canonical', () => {
    const topics = read('catalog.json').articles.find((a) => a.id === 'st-5000')!;
    expect(topics.selfHelpType).toBe('supportTopicDescription');
    expect(Object.keys(topics.metadata)).toEqual(['pageTitle', 'description', 'selfHelpType', 'productPesIds', 'cloudEnvironments', 'articleId']);
    expect(topics.metadata.selfHelpType).toBe('supportTopicDescription');
    expect(topics.body).toEqual({ supportTopics: [{ id: '5000-a', shortDescription: 'Sign-in trouble' }] });
    expect(topics.supportTopicIds).toEqual([]);
    expect(topics.clouds).toEqual(['blackforest', 'fairfax', 'mooncake', 'public', 'usnat', 'ussec']);
  });

  test('indexes hold sorted ids under sorted keys', () => {
    const { indexes } = read('catalog.json');
    expect(indexes).toEqual({
      bySupportTopicId: { '1001': ['vm-restart-diagnostic'], '1002': ['vm-restart-diagnostic'], '3001': ['storage-upload-form'] },
      byDiagnosticScenario: { VmUnexpectedRestart: ['vm-restart-diagnostic'] },
      byProductPesId: { '2001': ['vm-restart-diagnostic'], '4001': ['storage-upload-form'], '4002': ['storage-upload-form'], '5000': ['st-5000'] },
      bySelfHelpType: { diagnostics: ['vm-restart-diagnostic'], problemScopingQuestions: ['storage-upload-form'], supportTopicDescription: ['st-5000'] },
    });
  });
});

describe('indexes', () => {
  test('several articles under one key are sorted, keys sorted by code unit, repeated ids listed once', async () => {
    const meta = (id: string, extra: string) => `<properties articleId="${id}" selfHelpType="generic" cloudEnvironments="public" ${extra} />\n# ${id}\n`;
    const d = project({
      'a/zeta.md': meta('zeta', 'supportTopicIds="77, 77, 5" diagnosticScenario="Scn"'),
      'a/alpha.md': meta('Alpha', 'supportTopicIds="77" productPesIds="p-1" diagnosticScenario="Scn"'),
      'a/mid.md': meta('mid', 'supportTopicIds="abc, 77"'),
    });
    const r = await compileCatalog({ root: d, paths: [join(d, 'a')], outDir: join(d, 'out'), cache: false });
    expect(r.written).toBe(true);
    const text = readFileSync(join(d, 'out', 'catalog.json'), 'utf8');
    const catalog = JSON.parse(text) as CatalogFile;
    expect(catalog.articles.map((a) => a.id)).toEqual(['Alpha', 'mid', 'zeta']);
    expect(catalog.indexes.bySupportTopicId).toEqual({ '5': ['zeta'], '77': ['Alpha', 'mid', 'zeta'], abc: ['mid'] });
    // Written in sorted order even where a plain object would put integer-like keys first.
    expect(text).toContain('"bySupportTopicId":{"5":["zeta"],"77":["Alpha","mid","zeta"],"abc":["mid"]}');
    expect(catalog.indexes.byDiagnosticScenario).toEqual({ Scn: ['Alpha', 'zeta'] });
    expect(catalog.indexes.bySelfHelpType).toEqual({ generic: ['Alpha', 'mid', 'zeta'] });
  });
});

describe('clouds', () => {
  test('each cloud file holds only the articles published there (cloudEnvironments minus disableClouds)', () => {
    const ids = (cloud: string) => read(`clouds/${cloud}.json`).articles.map((a) => a.id);
    expect(ids('public')).toEqual(['st-5000', 'storage-upload-form', 'vm-restart-diagnostic']);
    expect(ids('fairfax')).toEqual(['st-5000', 'vm-restart-diagnostic']);
    expect(ids('mooncake')).toEqual(['st-5000']); // vm-restart-diagnostic disables mooncake
    expect(ids('blackforest')).toEqual(['st-5000']);
    expect(ids('usnat')).toEqual(['st-5000', 'storage-upload-form']);
    expect(ids('ussec')).toEqual(['st-5000']);
  });

  test('cloud files have the same shape, their own indexes and the same article entries', () => {
    const all = read('catalog.json');
    const mooncake = read('clouds/mooncake.json');
    expect(mooncake.$schema).toBe('../catalog.schema.json');
    expect(mooncake.generator).toEqual(all.generator);
    expect(mooncake.articles[0]).toEqual(all.articles.find((a) => a.id === 'st-5000'));
    expect(mooncake.indexes).toEqual({ bySupportTopicId: {}, byDiagnosticScenario: {}, byProductPesId: { '5000': ['st-5000'] }, bySelfHelpType: { supportTopicDescription: ['st-5000'] } });
    expect(read('clouds/fairfax.json').indexes.byDiagnosticScenario).toEqual({ VmUnexpectedRestart: ['vm-restart-diagnostic'] });
  });
});

describe('catalog.schema.json', () => {
  test('is written next to the catalog, and every output validates against it', () => {
    const written = readFileSync(join(dir, 'dist', 'catalog.schema.json'), 'utf8');
    expect(written).toBe(readFileSync(CATALOG_SCHEMA_PATH, 'utf8'));
    const validate = new Ajv({ allowUnionTypes: true }).compile(JSON.parse(written) as object);
    for (const output of result.outputs.filter((o) => o.path !== 'catalog.schema.json')) {
      expect(validate(read(output.path)), `${output.path}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  test('rejects what the catalog must not hold (the generated validators and the run-time fallback alike)', () => {
    for (const { validate, validateArticle } of [catalogValidator(), compileAtRunTime()]) checkValidators(validate, validateArticle);
  });
});

function checkValidators(validate: (data: unknown) => boolean, validateArticle: (data: unknown) => boolean): void {
  const good = read('catalog.json');
  expect(validateArticle(good.articles[0])).toBe(true);
  expect(validateArticle({ ...good.articles[0], id: '' })).toBe(false);
  expect(validate(good)).toBe(true);
  const bad = structuredClone(good);
  (bad.articles[0] as unknown as Record<string, unknown>).hash = 'md5:abc';
  expect(validate(bad)).toBe(false);
  const extra = structuredClone(good);
  (extra.articles[0] as unknown as Record<string, unknown>).script = '<script>';
  expect(validate(extra)).toBe(false);
  const cloud = structuredClone(good);
  cloud.articles[0]!.clouds = ['moon'];
  expect(validate(cloud)).toBe(false);
}

describe('hostile input', () => {
  test('__proto__ and constructor keys stay plain data in metadata and in the JSON body', async () => {
    const d = project({
      'a/p.md': `<properties articleId="proto" selfHelpType="generic" __proto__="polluted" constructor="c" />\n# P\n---\n{ "__proto__": { "isAdmin": true }, "constructor": 1, "ok": [1, 2] }\n---\n`,
    });
    const r = await compileCatalog({ root: d, paths: [join(d, 'a')], outDir: join(d, 'out'), cache: false });
    expect(r.written).toBe(true);
    const text = readFileSync(join(d, 'out', 'catalog.json'), 'utf8');
    expect(text).toContain('"__proto__":"polluted","constructor":"c"');
    expect(text).toContain('"body":{"__proto__":{"isAdmin":true},"constructor":1,"ok":[1,2]}');
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe('links', () => {
  test('a destination a browser could run as script, or with another scheme, is listed without it', async () => {
    const d = project({
      'a/l.md': [
        '<properties articleId="links" selfHelpType="generic" />',
        '# Links',
        '',
        '[a](javascript:alert(1)) [b](&#x6A;avascript:alert(1)) [c](data-blade:Good.Blade) [d](data-blade:x"><script>)',
        '',
        '[e](https://ok.example/x) [f](relative/page.md) [g](#anchor) [h](mailto:someone@example.com) [i](ftp://files.example/x)',
        '',
        '<a href="vbscript:msgbox(1)">j</a> ![k](data:image/png;base64,AAAA) [l](JAVASCRIPT:x)',
        '',
      ].join('\n'),
    });
    const r = await compileCatalog({ root: d, paths: [join(d, 'a')], outDir: join(d, 'out'), cache: false });
    const [article] = (JSON.parse(readFileSync(join(d, 'out', 'catalog.json'), 'utf8')) as { articles: CatalogArticle[] }).articles;
    expect(r.written).toBe(true);
    expect(article!.links.map((l) => [l.text, l.href])).toEqual([
      ['a', ''],
      ['b', ''],
      ['c', 'data-blade:Good.Blade'],
      ['d', ''],
      ['e', 'https://ok.example/x'],
      ['f', 'relative/page.md'],
      ['g', '#anchor'],
      ['h', 'mailto:someone@example.com'],
      ['i', ''],
      ['j', ''],
      ['k', ''],
      ['l', ''],
    ]);
  });
});
