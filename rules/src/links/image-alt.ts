// Images need alt text that describes them (not a file name).
import { defineRule } from '../define.js';
import { ALL_KINDS, lines } from './util.js';

const header = ['<properties', '  pageTitle="Find the connection string"', '  selfHelpType="generic"', '  cloudEnvironments="public"', '/>', '# Find the connection string', ''];

export const imageAlt = defineRule(
  {
    id: 'image-alt',
    description: 'Images have alt text that describes them',
    category: 'links',
    severity: 'warning',
    fixable: false,
    appliesTo: { kinds: ALL_KINDS },
    docs: {
      rationale: lines(
        'Screen readers read the alt text instead of the image, and it is shown when the image does not load.',
        'An image without alt text, or with a file name as alt text, tells the reader nothing. An HTML image',
        'with an explicit `alt=""` is decorative and accepted.',
      ),
      incorrect: [
        {
          title: 'No alt text, and a file name',
          source: lines(...header, '![](media/keys-blade.png)', '', '![keys-blade.png](media/keys-blade.png)', ''),
          messages: ['8:1 Image has no alt text', '10:1 Image alt text `keys-blade.png` is a file name; describe the image'],
        },
      ],
      correct: [
        {
          title: 'Described, and a decorative HTML image',
          source: lines(...header, '![The Access keys blade with the Show button highlighted](media/keys-blade.png)', '', '<img src="media/divider.png" alt="">', ''),
        },
      ],
    },
  },
  (context) => {
    const { article } = context;
    for (const link of article.links) {
      if (!link.image) continue;
      const alt = link.text.trim();
      if (alt === '') {
        const written = article.source.slice(link.range.start.offset, link.range.end.offset);
        if (link.origin === 'html' && /\salt\s*=/i.test(written)) continue;
        context.report({ message: 'Image has no alt text', range: link.range });
      } else if (/^[\w.-]+\.(?:png|jpe?g|gif|svg|bmp|webp)$/i.test(alt)) {
        context.report({ message: `Image alt text \`${alt}\` is a file name; describe the image`, range: link.range });
      }
    }
  },
);
