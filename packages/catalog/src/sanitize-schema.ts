// The explicit allowlist the rendered HTML is sanitized with (hast-util-sanitize schema). Anything
// not listed here is dropped: unknown elements are unwrapped (their text kept), the `strip` list is
// removed with its content, attributes not listed are removed, and URL attributes must be relative
// or use one of the listed protocols (compared exactly, after entity decoding, so `&#106;avascript:`,
// `jav&#x09;ascript:` or ` javascript:` never pass).
import type { Schema } from 'hast-util-sanitize';

/** The portal's action schemes: kept by the sanitizer, then turned into data attributes (see actions.ts). */
export const ACTION_PROTOCOLS = ['data-blade', 'button-data-blade', 'button-data-context'] as const;

/** What an action value may hold: portal blade and view-model names (`Extension.Blade.id.$resourceId`, `a/b`). */
export const ACTION_VALUE = /^[A-Za-z0-9_.$~\/-]+$/;

const WEB = ['http', 'https'];

/** Ids that generated markup may carry (GFM footnotes); authors cannot produce any other id. */
const GENERATED_ID = /^user-content-[A-Za-z0-9_-]+$/;

export const SANITIZE_SCHEMA: Schema = {
  tagNames: [
    'a', 'abbr', 'b', 'blockquote', 'br', 'code', 'dd', 'del', 'details', 'div', 'dl', 'dt', 'em',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'input', 'ins', 'kbd', 'li', 'ol', 'p', 'pre',
    'q', 's', 'samp', 'section', 'source', 'span', 'strike', 'strong', 'sub', 'summary', 'sup',
    'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'u', 'ul', 'var', 'video',
  ],
  // Removed together with their content (everything else not allowed is unwrapped).
  strip: [
    'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math',
    'template', 'noscript', 'noembed', 'noframes', 'textarea', 'select', 'option', 'button', 'form',
    'base', 'link', 'meta', 'title', 'xmp', 'plaintext', 'listing', 'canvas', 'audio', 'param',
  ],
  ancestors: {
    tbody: ['table'],
    td: ['table'],
    th: ['table'],
    thead: ['table'],
    tfoot: ['table'],
    tr: ['table'],
    source: ['video'],
  },
  attributes: {
    a: ['href', 'title', 'dataFootnoteRef', 'dataFootnoteBackref', 'ariaDescribedBy', 'ariaLabel', ['id', GENERATED_ID], ['className', 'data-footnote-backref']],
    img: ['src', 'alt', 'title', 'width', 'height'],
    video: ['src', 'poster', 'controls', 'width', 'height'],
    source: ['src', 'type'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite'],
    ins: ['cite'],
    code: [['className', /^language-[A-Za-z0-9_+#.-]+$/]],
    span: ['dataToken'],
    ol: ['start', ['className', 'contains-task-list']],
    ul: [['className', 'contains-task-list']],
    li: [['className', 'task-list-item'], ['id', GENERATED_ID]],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    h2: [['id', GENERATED_ID], ['className', 'sr-only']],
    section: ['dataFootnotes', ['className', 'footnotes']],
    td: [['align', 'left', 'center', 'right'], 'colSpan', 'rowSpan'],
    th: [['align', 'left', 'center', 'right'], 'colSpan', 'rowSpan'],
    details: ['open'],
  },
  // Ids are restricted to the generated `user-content-` form above, so nothing is clobbered twice.
  clobber: [],
  clobberPrefix: '',
  protocols: {
    href: [...WEB, 'mailto', ...ACTION_PROTOCOLS],
    src: WEB,
    poster: WEB,
    cite: WEB,
  },
  required: {
    input: { disabled: true, type: 'checkbox' },
  },
  allowComments: false,
  allowDoctypes: false,
};
