// Rendering and sanitizing: XSS filter-evasion vectors (after the OWASP cheat sheet) written as raw
// HTML and as Markdown, checked structurally on the output; plus exact renderings of what must survive.
import { afterAll, describe, expect, test } from 'vitest';
import { SANITIZE_SCHEMA } from '@selfhelp/catalog';
import { cleanup, html, render } from './helpers.js';

afterAll(cleanup);

const ALLOWED_TAGS = new Set(SANITIZE_SCHEMA.tagNames);
const ALLOWED_ATTRIBUTES = new Set([
  'href', 'src', 'alt', 'title', 'width', 'height', 'poster', 'controls', 'type', 'cite', 'class', 'id', 'start', 'checked', 'disabled',
  'align', 'colspan', 'rowspan', 'open', 'aria-describedby', 'aria-label', 'data-footnote-ref', 'data-footnote-backref', 'data-footnotes',
  'data-token', 'data-blade', 'data-button-blade', 'data-button-context',
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'cite']);

/** Decodes character references once, as a browser reads an attribute value. */
function decode(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(quot|amp|lt|gt));?/gi, (_m, hex?: string, dec?: string, name?: string) => {
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number(dec));
    return ({ quot: '"', amp: '&', lt: '<', gt: '>' } as Record<string, string>)[name!.toLowerCase()]!;
  });
}

/** Checks the output tag by tag: only allowed elements and attributes, only safe URLs, no stray `<`. */
function assertSafe(output: string): void {
  const tag = /<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[a-z][a-z0-9-]*(?:="[^"<>]*")?)*)\s*(\/?)>/g;
  let rest = output;
  for (const m of output.matchAll(tag)) {
    rest = rest.replace(m[0], '');
    const name = m[2]!;
    expect(ALLOWED_TAGS.has(name), `tag <${name}> in ${output}`).toBe(true);
    for (const a of m[3]!.matchAll(/([a-z][a-z0-9-]*)(?:="([^"]*)")?/g)) {
      const attr = a[1]!;
      expect(ALLOWED_ATTRIBUTES.has(attr), `attribute ${attr} in ${output}`).toBe(true);
      if (URL_ATTRIBUTES.has(attr)) {
        // What a browser would see: entities decoded, ASCII whitespace and control characters removed.
        // eslint-disable-next-line no-control-regex
        const url = decode(a[2] ?? '').replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
        expect(url, `${attr} in ${output}`).not.toMatch(/^(javascript|vbscript|data|livescript|mocha):/);
        expect(url.startsWith('http:') || url.startsWith('https:') || url.startsWith('mailto:') || !/^[a-z][a-z0-9+.-]*:/.test(url), `${attr}="${url}"`).toBe(true);
      }
    }
  }
  // Anything that looks like markup but is not one of the tags above must have been escaped.
  expect(rest, output).not.toMatch(/<[A-Za-z!/?]/);
  expect(output).not.toMatch(/<(script|style|iframe|object|embed|svg|math|base|link|meta|form|template|noscript)\b/i);
}

// Raw HTML vectors, as an author could write them in an article.
const HTML_VECTORS = [
  `<script>alert('XSS')</script>`,
  `<SCRIPT SRC=http://xss.example/xss.js></SCRIPT>`,
  `<IMG SRC="javascript:alert('XSS');">`,
  `<IMG SRC=javascript:alert('XSS')>`,
  `<IMG SRC=JaVaScRiPt:alert('XSS')>`,
  "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
  `<a onmouseover="alert(document.cookie)">xxs link</a>`,
  `<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>`,
  `<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>`,
  `<IMG SRC=# onmouseover="alert('xxs')">`,
  `<IMG SRC= onmouseover="alert('xxs')">`,
  `<IMG onmouseover="alert('xxs')">`,
  `<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>`,
  `<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">`,
  `<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>`,
  `<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>`,
  `<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>`,
  `<IMG SRC="jav\tascript:alert('XSS');">`,
  `<IMG SRC="jav&#x09;ascript:alert('XSS');">`,
  `<IMG SRC="jav&#x0A;ascript:alert('XSS');">`,
  `<IMG SRC="jav&#x0D;ascript:alert('XSS');">`,
  `<IMG SRC=" &#14;  javascript:alert('XSS');">`,
  `<a href="&#x6A;avascript:alert(1)">x</a>`,
  `<a href="&#0000106avascript:alert(1)">x</a>`,
  `<a href="javas&#99;ript:alert(1)">x</a>`,
  `<a href="javascript&colon;alert(1)">x</a>`,
  `<a href="  javascript:alert(1)">x</a>`,
  `<a href="\u0001javascript:alert(1)">x</a>`,
  `<a href="JaVaScRiPt:alert(1)">x</a>`,
  `<a href="vbscript:msgbox(1)">x</a>`,
  `<IMG SRC='vbscript:msgbox("XSS")'>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>`,
  `<img src="data:image/svg+xml;base64,PHN2Zy8+">`,
  `<SCRIPT/XSS SRC="http://xss.example/xss.js"></SCRIPT>`,
  "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
  `<<SCRIPT>alert("XSS");//\\<</SCRIPT>`,
  `<SCRIPT SRC=http://xss.example/xss.js?< B >`,
  `<iframe src=http://xss.example/scriptlet.html <`,
  `</TITLE><SCRIPT>alert("XSS");</SCRIPT>`,
  `<INPUT TYPE="IMAGE" SRC="javascript:alert('XSS');">`,
  `<BODY BACKGROUND="javascript:alert('XSS')">`,
  `<IMG DYNSRC="javascript:alert('XSS')">`,
  `<STYLE>li {list-style-image: url("javascript:alert('XSS')");}</STYLE><UL><LI>XSS</br>`,
  `<svg/onload=alert('XSS')>`,
  `<svg><script>alert(1)</script></svg>`,
  `<math><mi xlink:href="javascript:alert(1)">x</mi></math>`,
  `<DIV STYLE="background-image: url(javascript:alert('XSS'))">x</DIV>`,
  `<DIV STYLE="width: expression(alert('XSS'));">x</DIV>`,
  `<IMG STYLE="xss:expr/*XSS*/ession(alert('XSS'))">`,
  `<XSS STYLE="behavior: url(xss.htc);">`,
  `<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');">`,
  `<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">`,
  `<IFRAME SRC="javascript:alert('XSS');"></IFRAME>`,
  `<TABLE BACKGROUND="javascript:alert('XSS')"><tr><td>x</td></tr></TABLE>`,
  `<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.example/scriptlet.html"></OBJECT>`,
  `<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciPjxzY3JpcHQ+YWxlcnQoMSk8L3NjcmlwdD48L3N2Zz4=" type="image/svg+xml" AllowScriptAccess="always"></EMBED>`,
  `<BASE HREF="javascript:alert('XSS');//">`,
  `<LINK REL="stylesheet" HREF="javascript:alert('XSS');">`,
  `<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button></form>`,
  `<details open ontoggle=alert(1)>x</details>`,
  `<video><source onerror="alert(1)" src="x"></video>`,
  `<video poster="javascript:alert(1)" src="javascript:alert(1)"></video>`,
  `<img src="x" srcset="javascript:alert(1)">`,
  `<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->`,
  `<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>`,
  `<template><script>alert(1)</script></template>`,
  `<a href="https://ok.example" onclick="alert(1)" style="color:red" target="_blank">ok</a>`,
  `<div><span><b onmouseover=alert(1)>nested <i><u onclick=alert(2)>deep</u></i></b></span></div>`,
  `<img src="https://ok.example/a.png"/onerror=alert(1)>`,
  `<a href="data-blade:javascript:alert(1)">x</a>`,
  `<a data-blade="Evil.Blade" href="#">x</a>`,
  `<span data-token="x" onclick="alert(1)">y</span>`,
  `<p id="cookie" name="location">clobber</p>`,
  `<a href="#" id="user-content-ok">generated-looking id</a>`,
];

// The same ideas in Markdown syntax.
const MARKDOWN_VECTORS = [
  `[x](javascript:alert(1))`,
  `[x](JAVASCRIPT:alert(1))`,
  `[x](&#106;avascript:alert(1))`,
  `[x](&#0000106avascript:alert(1))`,
  `[x](jav&#x09;ascript:alert(1))`,
  `[x](javascript&#58;alert(1))`,
  `[x](<javascript:alert(1)>)`,
  `[x](vbscript:msgbox(1))`,
  `[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `![x](javascript:alert(1))`,
  `![x](data:image/svg+xml;base64,PHN2Zy8+)`,
  `<javascript:alert(1)>`,
  `[x][ref]\n\n[ref]: javascript:alert(1)`,
  `[x](java%0ascript:alert(1))`,
  `[x](button-data-blade:alert(document.cookie))`,
  `[x](data-blade:"><script>alert(1)</script>)`,
];

describe('sanitizing', () => {
  test.each(HTML_VECTORS)('raw HTML %s', (vector) => {
    // As a block of its own, and inline in a paragraph.
    assertSafe(html(vector));
    assertSafe(html(`Text before ${vector} text after.`));
  });

  test.each(MARKDOWN_VECTORS)('Markdown %s', (vector) => {
    assertSafe(html(vector));
  });

  test('dangerous links keep their text and lose their URL', () => {
    expect(html('[x](javascript:alert(1))')).toBe('<p><a>x</a></p>');
    expect(html('[x](&#106;avascript:alert(1))')).toBe('<p><a>x</a></p>');
    expect(html('![pic](data:image/png;base64,AAAA)')).toBe('<p><img alt="pic"></p>');
    expect(html('<a href="jav&#x09;ascript:alert(1)">x</a>')).toBe('<p><a>x</a></p>');
  });

  test('dangerous elements go with their content; unknown ones keep their text', () => {
    expect(html('<script>alert(1)</script>')).toBe('');
    expect(html('<style>p{}</style>\n\nok')).toBe('\n<p>ok</p>');
    expect(html('Before <svg><circle onload="x"/>hidden</svg> after')).toBe('<p>Before  after</p>');
    expect(html('<azureKB>\n<client>portal</client>\n</azureKB>')).toBe('\nportal\n');
  });

  test('safe HTML survives without its unsafe attributes', () => {
    expect(html('<a href="https://ok.example" onclick="alert(1)" style="color:red" target="_blank">ok</a>')).toBe('<p><a href="https://ok.example">ok</a></p>');
    expect(html('Line one<br>line two<BR/>line three')).toBe('<p>Line one<br>line two<br>line three</p>');
    expect(html('<p id="cookie" name="location">clobber</p>')).toBe('<p>clobber</p>');
    expect(html('<video src="https://media.example/v.mp4" controls onplay="x"></video>')).toBe('<p><video src="https://media.example/v.mp4" controls></video></p>');
  });
});

describe('rendering', () => {
  test('Markdown renders to HTML with heading ids', () => {
    expect(html('# Title\n\nSome *emphasis* and `code`.\n\n## Next steps\n\n- one\n- two\n')).toBe(
      '<h1 id="title">Title</h1>\n<p>Some <em>emphasis</em> and <code>code</code>.</p>\n<h2 id="next-steps">Next steps</h2>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>',
    );
    // Repeated headings get unique ids, as GitHub and Learn do.
    expect(html('## Steps\n\n## Steps')).toBe('<h2 id="steps">Steps</h2>\n<h2 id="steps-1">Steps</h2>');
  });

  test('GFM tables and fenced code with a language class', () => {
    expect(html('| a | b |\n|:--|--:|\n| 1 | 2 |')).toBe(
      '<table>\n<thead>\n<tr>\n<th align="left">a</th>\n<th align="right">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align="left">1</td>\n<td align="right">2</td>\n</tr>\n</tbody>\n</table>',
    );
    expect(html('```powershell\nGet-AzVM\n```')).toBe('<pre><code class="language-powershell">Get-AzVM\n</code></pre>');
  });

  test('action links become data attributes, never hrefs', () => {
    expect(html('[Open](data-blade:Microsoft_Azure_Billing.SubscriptionPropertiesBlade)')).toBe(
      '<p><a data-blade="Microsoft_Azure_Billing.SubscriptionPropertiesBlade">Open</a></p>',
    );
    expect(html('[Redeploy](button-data-context:Microsoft_Azure_Compute.RedeployViewModel.id.$resourceId)')).toBe(
      '<p><a data-button-context="Microsoft_Azure_Compute.RedeployViewModel.id.$resourceId">Redeploy</a></p>',
    );
    expect(html('[Go](button-data-blade:Microsoft_Azure_Support.HelpBlade)')).toBe('<p><a data-button-blade="Microsoft_Azure_Support.HelpBlade">Go</a></p>');
    expect(html('[Mixed](Data-Blade:Some.Blade)')).toBe('<p><a data-blade="Some.Blade">Mixed</a></p>');
    // Raw HTML gets the same treatment; an author-written data attribute is not trusted.
    expect(html('<a href="data-blade:Some.Blade">x</a>')).toBe('<p><a data-blade="Some.Blade">x</a></p>');
    expect(html('<a data-blade="Evil.Blade" href="#top">x</a>')).toBe('<p><a href="#top">x</a></p>');
    // A value that is not a blade name is dropped.
    expect(html('[x](data-blade:java&#x73;cript:alert(1))')).toBe('<p><a>x</a></p>');
  });

  test('replacement tokens become marker spans the portal fills in', () => {
    expect(html('At <!--$startTime-->start time<!--/$startTime-->, the VM stopped.')).toBe('<p>At <span data-token="startTime">start time</span>, the VM stopped.</p>');
    // At the start of a line the comment begins an HTML block: the same marker comes out.
    expect(html('<!--$vm-->myVm<!--/$vm--> stopped.')).toBe('<span data-token="vm">myVm</span> stopped.');
    // Markup inside the default is kept (and sanitized).
    expect(html('Use <!--$name-->**bold** name<!--/$name-->.')).toBe('<p>Use <span data-token="name"><strong>bold</strong> name</span>.</p>');
    // Plain comments and issueDescription markers are dropped.
    expect(html('<!-- a note for authors -->\n\nText <!-- inline --> here.')).toBe('<p>Text  here.</p>');
    // An unclosed token is just a comment.
    expect(html('Left <!--$open--> alone.')).toBe('<p>Left  alone.</p>');
  });

  test('sections tile the HTML at the top-level headings', () => {
    const out = render('Lead text.\n\n# Title\n\nIntro.\n\n## One\n\nA.\n\n> ## Quoted heading\n\n## Two\n\nB.');
    expect(out.sections.map((s) => [s.heading?.depth ?? 0, s.heading?.id ?? null, out.html.slice(s.start, s.end)])).toEqual([
      [0, null, '<p>Lead text.</p>\n'],
      [1, 'title', '<h1 id="title">Title</h1>\n<p>Intro.</p>\n'],
      [2, 'one', '<h2 id="one">One</h2>\n<p>A.</p>\n<blockquote>\n<h2 id="quoted-heading">Quoted heading</h2>\n</blockquote>\n'],
      [2, 'two', '<h2 id="two">Two</h2>\n<p>B.</p>'],
    ]);
    expect(out.sections[2]!.heading).toEqual({ depth: 2, text: 'One', id: 'one' });
    expect(out.sections.map((s) => out.html.slice(s.start, s.end)).join('')).toBe(out.html);
  });
});

describe('issueDescription', () => {
  test('the template is also given rendered and sanitized, tokens as markers', async () => {
    const { compileCatalog } = await import('@selfhelp/catalog');
    const { project } = await import('./helpers.js');
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const d = project({
      'a/t.md': '<properties articleId="t" selfHelpType="diagnostics" />\n# T\n\n<!--issueDescription-->Run <!--$cmd-->"><script>alert(1)</script><img src=x onerror=alert(1)><!--/$cmd--> **now**.<!--/issueDescription-->\n',
    });
    await compileCatalog({ root: d, paths: [join(d, 'a')], outDir: join(d, 'out'), cache: false });
    const [article] = (JSON.parse(readFileSync(join(d, 'out', 'catalog.json'), 'utf8')) as { articles: { issueDescription: { template: string; html: string; tokens: unknown[] } }[] }).articles;
    expect(article!.issueDescription.template).toBe('Run <!--$cmd-->"><script>alert(1)</script><img src=x onerror=alert(1)><!--/$cmd--> **now**.');
    expect(article!.issueDescription.tokens).toEqual([{ name: 'cmd', default: '"><script>alert(1)</script><img src=x onerror=alert(1)>' }]);
    expect(article!.issueDescription.html).toBe('<p>Run <span data-token="cmd">"><img src="x"></span> <strong>now</strong>.</p>');
  });
});
