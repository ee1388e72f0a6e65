/**
 * A small, safe renderer for the Markdown of work instructions, for documents that leave the tool (the
 * printable handbook). It mirrors the studio's rules (studio/src/core/instructions/markdown.ts: raw HTML comes
 * out as text, only safe links are kept) without its dependency, for the subset instructions use: headings,
 * paragraphs, bullet and numbered lists, block quotes, rules, fenced code, emphasis, inline code and links.
 *
 * Output is well-formed (XHTML-compatible) and every character of the input is escaped, so nothing in a text
 * can add an element, an attribute or a script. Links keep only http, https and mailto (a printed document
 * has no base for relative links); images become links (a self-contained document loads nothing).
 */

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** http(s) and mailto only; control characters and spaces inside a scheme are ignored, as browsers do. */
export function isSafeExternalLink(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = SCHEME.exec(compact);
  return scheme !== null && SAFE_SCHEMES.has(scheme[1]!.toLowerCase());
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface MarkdownOptions {
  /** Added to heading levels so a text's "#" sits below the document's own headings (capped at h6). */
  headingOffset?: number;
}

/** Renders `text` to safe, well-formed HTML. */
export function renderMarkdownSafely(text: string, options: MarkdownOptions = {}): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return renderBlocks(lines, options.headingOffset ?? 0);
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$/;
const RULE = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const QUOTE = /^ {0,3}>\s?(.*)$/;

function renderBlocks(lines: string[], headingOffset: number): string {
  const out: string[] = [];
  let index = 0;
  const blank = (line: string) => line.trim() === '';
  while (index < lines.length) {
    const line = lines[index]!;
    if (blank(line)) {
      index += 1;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const language = fence[2] ?? '';
      const body: string[] = [];
      index += 1;
      while (index < lines.length && !lines[index]!.trim().startsWith(marker)) {
        body.push(lines[index]!);
        index += 1;
      }
      index += 1; // the closing fence (or the end of the text)
      const className = /^[A-Za-z0-9_+-]+$/.test(language) ? ` class="language-${language}"` : '';
      out.push(
        `<pre><code${className}>${escapeHtml(body.join('\n'))}${body.length ? '\n' : ''}</code></pre>`,
      );
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = Math.min(6, heading[1]!.length + headingOffset);
      out.push(`<h${level}>${renderInline(heading[2] ?? '')}</h${level}>`);
      index += 1;
      continue;
    }
    if (RULE.test(line)) {
      out.push('<hr />');
      index += 1;
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      while (index < lines.length && QUOTE.test(lines[index]!)) {
        quoted.push(QUOTE.exec(lines[index]!)![1]!);
        index += 1;
      }
      out.push(`<blockquote>\n${renderBlocks(quoted, headingOffset)}</blockquote>`);
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = !bullet;
      const itemPattern = ordered ? NUMBERED : BULLET;
      const items: string[][] = [];
      const start = numbered ? Number(numbered[1]) : 1;
      while (index < lines.length) {
        const current = lines[index]!;
        const item = itemPattern.exec(current);
        if (item) {
          items.push([ordered ? item[2]! : item[1]!]);
        } else if (!blank(current) && /^\s+\S/.test(current) && items.length) {
          // An indented continuation (or a nested item, kept as text of its parent).
          items[items.length - 1]!.push(current.trim());
        } else if (blank(current) && index + 1 < lines.length && itemPattern.test(lines[index + 1]!)) {
          // A blank line between items keeps the list going.
        } else {
          break;
        }
        index += 1;
      }
      const tag = ordered ? 'ol' : 'ul';
      const startAttribute = ordered && start !== 1 ? ` start="${start}"` : '';
      const rendered = items.map((item) => `<li>${renderLines(item)}</li>`).join('\n');
      out.push(`<${tag}${startAttribute}>\n${rendered}\n</${tag}>`);
      continue;
    }
    const paragraph: string[] = [];
    while (
      index < lines.length &&
      !blank(lines[index]!) &&
      !FENCE.test(lines[index]!) &&
      !HEADING.test(lines[index]!) &&
      !QUOTE.test(lines[index]!) &&
      !(paragraph.length > 0 && (BULLET.test(lines[index]!) || NUMBERED.test(lines[index]!))) &&
      !RULE.test(lines[index]!)
    ) {
      paragraph.push(lines[index]!);
      index += 1;
    }
    out.push(`<p>${renderLines(paragraph)}</p>`);
  }
  return out.map((block) => `${block}\n`).join('');
}

/** The lines of one paragraph or list item: joined by a space, or a line break after two spaces or "\". */
function renderLines(lines: string[]): string {
  return lines
    .map((line, index) => {
      const last = index === lines.length - 1;
      const hardBreak = !last && (/ {2,}$/.test(line) || /\\$/.test(line));
      const content = hardBreak && /\\$/.test(line) ? line.slice(0, -1) : line;
      return renderInline(content.trim()) + (last ? '' : hardBreak ? '<br />\n' : '\n');
    })
    .join('');
}

const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;

/** Inline Markdown: escapes, code spans, links and images, autolinks, emphasis; everything else is text. */
export function renderInline(text: string): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '\\' && index + 1 < text.length && PUNCTUATION.test(text[index + 1]!)) {
      out += escapeHtml(text[index + 1]!);
      index += 2;
      continue;
    }
    if (char === '`') {
      const run = /^`+/.exec(text.slice(index))![0];
      const close = findClosingRun(text, index + run.length, run);
      if (close >= 0) {
        const code = text.slice(index + run.length, close).replace(/\n/g, ' ');
        const trimmed = /^ .* $/.test(code) && code.trim() !== '' ? code.slice(1, -1) : code;
        out += `<code>${escapeHtml(trimmed)}</code>`;
        index = close + run.length;
        continue;
      }
      out += escapeHtml(run);
      index += run.length;
      continue;
    }
    if (char === '[' || (char === '!' && text[index + 1] === '[')) {
      const link = parseLink(text, char === '!' ? index + 1 : index);
      if (link) {
        const label = char === '!' ? escapeHtml(link.label || link.url) : renderInline(link.label);
        out += isSafeExternalLink(link.url) ? anchor(link.url, label) : label;
        index = link.end;
        continue;
      }
    }
    if (char === '<') {
      const autolink = /^<((?:https?:\/\/|mailto:)[^\s<>]+)>/i.exec(text.slice(index));
      if (autolink) {
        out += anchor(autolink[1]!, escapeHtml(autolink[1]!));
        index += autolink[0].length;
        continue;
      }
    }
    if ((char === 'h' || char === 'H') && (index === 0 || /[\s(]/.test(text[index - 1]!))) {
      const bare = /^https?:\/\/[^\s<>]+/i.exec(text.slice(index));
      if (bare) {
        const url = bare[0].replace(/[.,;:!?)'"]+$/, '');
        out += anchor(url, escapeHtml(url));
        index += url.length;
        continue;
      }
    }
    if (char === '*' || char === '_') {
      const run = text.slice(index, index + 2) === char + char ? char + char : char;
      const previous = index > 0 ? text[index - 1]! : ' ';
      const opensWord = char === '*' || !/[A-Za-z0-9]/.test(previous);
      const next = text[index + run.length];
      if (opensWord && next !== undefined && !/\s/.test(next)) {
        const close = findClosingDelimiter(text, index + run.length, run);
        if (close > index + run.length) {
          const tag = run.length === 2 ? 'strong' : 'em';
          out += `<${tag}>${renderInline(text.slice(index + run.length, close))}</${tag}>`;
          index = close + run.length;
          continue;
        }
      }
    }
    out += escapeHtml(char);
    index += 1;
  }
  return out;
}

function anchor(url: string, label: string): string {
  return `<a href="${escapeHtml(url.trim())}" rel="noopener noreferrer nofollow">${label}</a>`;
}

function findClosingRun(text: string, from: number, run: string): number {
  let at = text.indexOf(run, from);
  while (at >= 0) {
    const before = at > 0 ? text[at - 1] : '';
    const after = text[at + run.length];
    if (before !== '`' && after !== '`') return at;
    at = text.indexOf(run, at + 1);
  }
  return -1;
}

function findClosingDelimiter(text: string, from: number, run: string): number {
  let at = text.indexOf(run, from);
  while (at >= 0) {
    const before = text[at - 1]!;
    const after = text[at + run.length];
    const closesWord = run[0] === '*' || after === undefined || !/[A-Za-z0-9]/.test(after);
    const doubled = run.length === 1 && (after === run || before === run);
    if (!/\s/.test(before) && before !== '\\' && closesWord && !doubled) return at;
    at = text.indexOf(run, at + 1);
  }
  return -1;
}

/** `[label](url "title")` starting at `start` (the "["): the label, the url and where it ends. */
function parseLink(text: string, start: number): { label: string; url: string; end: number } | null {
  let depth = 0;
  let close = -1;
  for (let at = start; at < text.length; at += 1) {
    const char = text[at];
    if (char === '\\') {
      at += 1;
      continue;
    }
    if (char === '[') depth += 1;
    if (char === ']') {
      depth -= 1;
      if (depth === 0) {
        close = at;
        break;
      }
    }
  }
  if (close < 0 || text[close + 1] !== '(') return null;
  const destination =
    /^\(\s*(<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+("[^"]*"|'[^']*'))?\s*\)/.exec(
      text.slice(close + 1),
    );
  if (!destination) return null;
  const url = destination[1]!.replace(/^<|>$/g, '');
  return { label: text.slice(start + 1, close), url, end: close + 1 + destination[0].length };
}
