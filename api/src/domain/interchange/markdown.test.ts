import { describe, expect, it } from 'vitest';
import { isSafeExternalLink, renderMarkdownSafely } from './markdown';

describe('renderMarkdownSafely', () => {
  it('renders headings, lists, emphasis, code, quotes and rules', () => {
    const html = renderMarkdownSafely(
      '# Classify\n\n## Steps\n\n1. Open the *ticket*\n2. Set **priority**\n\n- a\n- b_c_d\n\nRun `usm sync`:\n\n```sh\nusm sync --all\n```\n\n> Note\n\n---\nline one  \nline two',
    );
    expect(html).toContain('<h1>Classify</h1>');
    expect(html).toContain('<h2>Steps</h2>');
    expect(html).toContain(
      '<ol>\n<li>Open the <em>ticket</em></li>\n<li>Set <strong>priority</strong></li>\n</ol>',
    );
    expect(html).toContain('<ul>\n<li>a</li>\n<li>b_c_d</li>\n</ul>');
    expect(html).toContain('<code>usm sync</code>');
    expect(html).toContain('<pre><code class="language-sh">usm sync --all\n</code></pre>');
    expect(html).toContain('<blockquote>\n<p>Note</p>\n</blockquote>');
    expect(html).toContain('<hr />');
    expect(html).toContain('<p>line one<br />\nline two</p>');
    expect(renderMarkdownSafely('# A', { headingOffset: 4 })).toBe('<h5>A</h5>\n');
    expect(renderMarkdownSafely('### A', { headingOffset: 4 })).toBe('<h6>A</h6>\n');
  });

  it('keeps http(s) and mailto links; others, and images, stay text', () => {
    expect(renderMarkdownSafely('[Handbook](https://example.org/h?a=1&b=2)')).toBe(
      '<p><a href="https://example.org/h?a=1&amp;b=2" rel="noopener noreferrer nofollow">Handbook</a></p>\n',
    );
    expect(renderMarkdownSafely('[Mail](mailto:desk@example.org)')).toContain(
      'href="mailto:desk@example.org"',
    );
    expect(renderMarkdownSafely('See https://example.org.')).toContain('<a href="https://example.org" rel');
    expect(renderMarkdownSafely('<https://example.org/x>')).toContain('<a href="https://example.org/x"');
    for (const text of [
      '[click](javascript:alert(1))',
      '[click](JavaScript:alert(1))',
      '[click](&#106;avascript:alert(1))',
      '[click](java\tscript:alert(1))',
      '<javascript:alert(1)>',
      '[click](data:text/html;base64,PHNjcmlwdD4=)',
      '[here](/organisations/1)',
      '![pic](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)',
    ]) {
      const html = renderMarkdownSafely(text);
      expect(html, text).not.toMatch(/<a |<img /);
    }
    expect(renderMarkdownSafely('![Form](https://example.org/form.png)')).toBe(
      '<p><a href="https://example.org/form.png" rel="noopener noreferrer nofollow">Form</a></p>\n',
    );
    expect(isSafeExternalLink(' https://x')).toBe(true);
    expect(isSafeExternalLink('java\nscript:x')).toBe(false);
  });

  it('shows raw HTML as text', () => {
    const html = renderMarkdownSafely(
      '<script>alert(1)</script>\n\nText <img src=x onerror="alert(1)"> & <b onclick="x()">bold</b>',
    );
    expect(html).not.toMatch(/<script|<img|<b /i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;b onclick');
    expect(renderMarkdownSafely('`<b>` and \\*not em\\*')).toBe(
      '<p><code>&lt;b&gt;</code> and *not em*</p>\n',
    );
    expect(renderMarkdownSafely('[a [nested](javascript:x)](https://ok.example)')).not.toContain(
      'javascript',
    );
  });
});
