import { useMemo } from 'react';
import { renderMarkdown } from '../core/instructions/markdown';
import './markdown.css';

/**
 * A work instruction's Markdown, rendered. renderMarkdown keeps raw HTML as text and drops unsafe links,
 * so its output is safe to insert as HTML.
 */
export function MarkdownPreview({ text, label }: { text: string; label: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  if (text.trim() === '')
    return <p className="wi-markdown wi-markdown--empty muted">No instruction text yet.</p>;
  return (
    <div
      className="wi-markdown"
      role="region"
      aria-label={label}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
