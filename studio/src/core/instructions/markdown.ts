/**
 * Work instruction texts are Markdown, written by members of the organisation and shown to everyone who
 * reads it: they are rendered with raw HTML switched off (it comes out as text) and only http(s), mailto
 * and relative links kept, so a text can never inject script (no <script>, no event handlers, no
 * javascript: or data: URLs). The result is safe to set as innerHTML.
 */
import MarkdownIt from 'markdown-it';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** Keeps http(s), mailto and relative links (paths, anchors, queries); refuses every other scheme. */
export function isSafeLink(url: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"): so do we.
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = SCHEME.exec(compact);
  if (scheme) return SAFE_SCHEMES.has(scheme[1]!.toLowerCase());
  // "//host/path" leaves the studio without saying how; a colon before any slash would be a scheme.
  return !compact.startsWith('//') && !/^[^/?#]*:/.test(compact);
}

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
markdown.validateLink = isSafeLink;

const defaultLinkOpen = markdown.renderer.rules.link_open;
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  const token = tokens[index]!;
  const href = token.attrGet('href') ?? '';
  if (SCHEME.test(href)) {
    // Links that leave the studio open in a new tab, without access to it.
    token.attrSet('target', '_blank');
    token.attrSet('rel', 'noopener noreferrer nofollow');
  }
  return defaultLinkOpen
    ? defaultLinkOpen(tokens, index, options, env, self)
    : self.renderToken(tokens, index, options);
};

/** Renders a work instruction's Markdown to HTML that is safe to insert into the page. */
export function renderMarkdown(text: string): string {
  return markdown.render(text);
}
