import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { createAnonymiser } from '../../pipeline/anonymise/engine.ts';
import { anonymiseMarkdown } from '../../pipeline/anonymise/markdown.ts';
import { testCase } from './fixtures.ts';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkStringify);
const anonymiser = createAnonymiser(testCase());

function run(markdown: string) {
  const tree = processor.parse(markdown) as Root;
  const result = anonymiseMarkdown(tree, anonymiser, { file: 'imr.md' });
  return { ...result, markdown: processor.stringify(tree) };
}

const source = `# Chronology for Jane Smith

**Jane** Smith told [PC Jones](https://example.org/officers/pc-jones) about *Mark* Davies.

Contact [Jane](mailto:jane.smith@example.org) or write to \`jane.smith@example.org\`.

![Photo of Jane Smith](photos/jane-smith.jpg "Jane at 12 Crookes Road")

| Date | Event |
| --- | --- |
| 14/03/2017 | Dr Patel saw Jane |
| 15/03/2017 | Fatima Begum called 0114 496 0123 |

\`\`\`
Raw notes: Mark Davies, 07700 900123
\`\`\`

<!-- Helen Price reviewed this -->
`;

describe('Markdown', () => {
  const result = run(source);

  it('anonymises headings, paragraphs split by emphasis and links, and table cells', () => {
    expect(result.markdown).toContain('# Chronology for Anna');
    // The link's URL names the officer: it is unlinked and keeps its anonymised text.
    expect(result.markdown).toContain('**Anna** told PC1 about *Adult XAP*.');
    expect(result.markdown).not.toContain('pc-jones');
    expect(result.markdown).toContain('| 14/03/2017 | GP1 saw Anna');
    // remark-stringify escapes the label's opening bracket so it cannot start a link.
    expect(result.markdown).toContain('Fatima Begum called \\[phone number removed]');
  });

  it('unlinks a mailto: link to an identifier and anonymises inline code', () => {
    expect(result.markdown).toContain('Contact Anna or write to `[email removed]`.');
    expect(result.markdown).not.toContain('mailto:');
  });

  it('anonymises image alt text, titles and URLs', () => {
    expect(result.markdown).toContain('![Photo of Anna](photos/Anna-Anna.jpg "Anna at the family home")');
  });

  it('anonymises code blocks and raw HTML', () => {
    expect(result.markdown).toContain('Raw notes: Adult XAP, [phone number removed]');
    expect(result.markdown).toContain('<!-- HV1 reviewed this -->');
  });

  it('leaves no key identifier anywhere', () => {
    expect(anonymiser.leaks(result.markdown)).toEqual([]);
  });

  it('reports replacements and findings with line numbers', () => {
    const lines = (original: string) => result.replacements.filter((r) => r.original === original).map((r) => r.place?.line);
    expect(lines('Mark Davies')).toEqual([3, 15]);
    expect(result.replacements.find((r) => r.original === 'PC Jones')?.place).toEqual({ file: 'imr.md', line: 3 });
    expect(result.findings).toEqual([
      { text: 'Fatima Begum', kind: 'person', place: { file: 'imr.md', line: 12 }, context: expect.stringContaining('Fatima Begum called [phone number removed]') },
    ]);
  });

  it('is idempotent', () => {
    const again = run(result.markdown);
    expect(again.markdown).toBe(result.markdown);
    expect(again.replacements).toEqual([]);
  });
});
