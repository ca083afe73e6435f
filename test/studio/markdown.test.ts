import { describe, expect, it } from 'vitest';
import { parseMarkdown, plainText, safeHref } from '../../src/ui/markdown/markdown';

describe('allow-list Markdown reader (issue 14 Safety)', () => {
  it('reads headings, paragraphs, lists, emphasis, code and links', () => {
    const b = parseMarkdown(
      '## Assessment\n\nType 2 **diabetes** with *hyperglycemia*, see `E11.65`.\n\n- one\n- two\n\n1. first\n2. second\n\n[CMS](https://www.cms.gov/)',
    );
    expect(b.map((x) => x.t)).toEqual(['h', 'p', 'ul', 'ol', 'p']);
    expect(b[1]).toMatchObject({
      t: 'p',
      children: [
        { t: 'text', text: 'Type 2 ' },
        { t: 'strong', children: [{ t: 'text', text: 'diabetes' }] },
        { t: 'text', text: ' with ' },
        { t: 'em', children: [{ t: 'text', text: 'hyperglycemia' }] },
        { t: 'text', text: ', see ' },
        { t: 'code', text: 'E11.65' },
        { t: 'text', text: '.' },
      ],
    });
    expect(b[4]).toMatchObject({
      children: [
        { t: 'link', href: 'https://www.cms.gov/', children: [{ t: 'text', text: 'CMS' }] },
      ],
    });
  });

  it('keeps raw HTML as text and drops script links (javascript:, data:, obfuscated schemes)', () => {
    const b = parseMarkdown(
      '<img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](data:text/html,hi)',
    );
    expect(JSON.stringify(b)).not.toContain('"link"');
    expect(plainText(b)).toContain('<img src=x onerror=alert(1)>');
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'vbscript:x',
      'data:text/html;base64,PHNjcmlwdD4=',
      '//evil.example',
      'https:alert(1)',
    ])
      expect(safeHref(bad), bad).toBeNull();
    expect(safeHref('https://www.cms.gov/x')).toBe('https://www.cms.gov/x');
    expect(safeHref('mailto:a@example.org')).toBe('mailto:a@example.org');
    expect(safeHref('#top')).toBe('#top');
  });

  it('stays fast on unmatched markers and deep nesting, and never throws on odd input', () => {
    const t = performance.now();
    parseMarkdown('*'.repeat(100_000));
    parseMarkdown('**'.repeat(50_000) + '['.repeat(50_000));
    parseMarkdown('*a '.repeat(30_000));
    expect(performance.now() - t).toBeLessThan(2_000);
    const deep = '**'.repeat(40) + 'x' + '**'.repeat(40);
    expect(() => parseMarkdown(deep)).not.toThrow();
    expect(parseMarkdown(null)).toEqual([]);
    expect(parseMarkdown({ toString: () => 'x' })).toEqual([]);
  });
});
