import { describe, expect, it } from 'vitest';
import { isSafeLink, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders headings, lists, emphasis and code', () => {
    const html = renderMarkdown(
      '# Classify\n\n## Steps\n\n1. Open the *ticket*\n2. Set **priority**\n\n- a\n- b\n\nRun `usm sync`:\n\n```sh\nusm sync --all\n```\n',
    );
    expect(html).toContain('<h1>Classify</h1>');
    expect(html).toContain('<h2>Steps</h2>');
    expect(html).toContain(
      '<ol>\n<li>Open the <em>ticket</em></li>\n<li>Set <strong>priority</strong></li>\n</ol>',
    );
    expect(html).toContain('<ul>\n<li>a</li>\n<li>b</li>\n</ul>');
    expect(html).toContain('<code>usm sync</code>');
    expect(html).toContain('<pre><code class="language-sh">usm sync --all\n</code></pre>');
  });

  it('renders safe links; external ones open in a new tab without access to the studio', () => {
    expect(renderMarkdown('[Handbook](https://example.org/handbook)')).toContain(
      '<a href="https://example.org/handbook" target="_blank" rel="noopener noreferrer nofollow">Handbook</a>',
    );
    expect(renderMarkdown('[Mail](mailto:desk@example.org)')).toContain('href="mailto:desk@example.org"');
    expect(renderMarkdown('[Here](/organisations/1)')).toBe('<p><a href="/organisations/1">Here</a></p>\n');
    expect(renderMarkdown('[Below](#steps)')).toContain('<a href="#steps">Below</a>');
    expect(renderMarkdown('See https://example.org')).toContain('<a href="https://example.org"');
  });

  it('shows raw HTML as text: no <script>, no elements, no event handlers', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\nText <img src=x onerror="alert(1)"> and <b onclick="x()">bold</b>\n\n<div>\n<iframe src="https://evil.example"></iframe>\n</div>',
    );
    expect(html).not.toMatch(/<script|<img|<b |<iframe|<div/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it('drops javascript:, vbscript:, data: and obfuscated links (they stay text)', () => {
    for (const text of [
      '[click](javascript:alert(1))',
      '[click](JavaScript:alert(1))',
      '[click](&#106;avascript:alert(1))',
      '[click](java\tscript:alert(1))',
      '<javascript:alert(1)>',
      '[click](vbscript:msgbox(1))',
      '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '![pic](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)',
      '[click](//evil.example/x)',
    ]) {
      const html = renderMarkdown(text);
      expect(html, text).not.toMatch(/<a |<img /);
      expect(html.toLowerCase(), text).not.toMatch(/href="(javascript|vbscript|data)/);
    }
  });

  it('keeps images from safe addresses, with their text alternative', () => {
    expect(renderMarkdown('![Form](https://example.org/form.png)')).toContain(
      '<img src="https://example.org/form.png" alt="Form">',
    );
  });
});

describe('isSafeLink', () => {
  it('allows http(s), mailto and relative addresses only', () => {
    expect(
      ['https://a.example', 'HTTP://a.example', 'mailto:x@a.example', '/x', 'x/y', '#a', '?q=1'].every(
        isSafeLink,
      ),
    ).toBe(true);
    expect(
      ['javascript:x', ' javascript:x', 'file:///etc/passwd', 'ftp://a', 'tel:1', '//a.example'].some(
        isSafeLink,
      ),
    ).toBe(false);
  });
});
