import { describe, expect, it } from 'vitest';
import { handbookOutline } from './handbook';
import { handbookHtml } from './handbook-html';
import { embedInstructionMarkdown, escapeMarkdown, handbookMarkdown } from './handbook-markdown';
import { HOSTILE, referenceSnapshot, roleIdOf } from './test-fixtures';

const snapshot = referenceSnapshot();
const VOID = new Set(['meta', 'br', 'hr', 'img', 'link', 'input']);

/** Well-formed: every tag closed in order, void elements self-closed, no stray "<" or "&". */
function expectWellFormed(html: string) {
  const body = html.replace(/^<!DOCTYPE html>\n/, '');
  const stack: string[] = [];
  const tag = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"<>]*")*)\s*(\/?)>/g;
  let last = 0;
  for (const match of body.matchAll(tag)) {
    const between = body.slice(last, match.index);
    expect(between, 'text between tags').not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|#39);)/);
    last = match.index! + match[0].length;
    const [, closing, name, , selfClosing] = match;
    if (selfClosing) {
      expect(VOID.has(name!), `<${name} /> is a void element`).toBe(true);
    } else if (closing) {
      expect(stack.pop(), `</${name}>`).toBe(name);
    } else {
      expect(VOID.has(name!), `<${name}> is closed`).toBe(false);
      stack.push(name!);
    }
  }
  expect(body.slice(last).trim()).toBe('');
  expect(stack).toEqual([]);
}

describe('the procedure handbook', () => {
  it('Markdown: process overview, workflows, then each procedure with steps, letters, matrix and instructions', () => {
    const markdown = handbookMarkdown(snapshot, { kind: 'ORGANISATION' });
    expect(markdown).toContain('# Procedure handbook: Reference Co');
    for (const process of snapshot.processes) {
      expect(markdown).toContain(`### ${process.name}\n\n${escapeMarkdown(process.purpose)}`);
      for (const activity of process.activities)
        expect(markdown).toContain(`${activity.position}. **${escapeMarkdown(activity.name)}**`);
    }
    for (const workflow of snapshot.workflows)
      expect(markdown).toContain(`| ${workflow.number} | ${escapeMarkdown(workflow.name)} |`);
    for (const procedure of snapshot.procedures) {
      const section = markdown.slice(markdown.indexOf(`## Procedure: ${procedure.name}`));
      for (const step of procedure.steps) expect(section).toContain(`| ${step.position} | `);
    }
    expect(markdown).toContain(
      '| 1 | Recover | Accept incident | Operator: R; Team coordinator: CI; Workflow coordinator: RA |',
    );
    // Fork depth as indentation: Change's steps in workflow 3 are one level in, Operate's two.
    expect(markdown).toContain('| 6 | Change | \u2003\u2003↳ Accept RFC |');
    expect(markdown).toContain('| 12 | Operate | \u2003\u2003\u2003\u2003↳ Accept service request |');
    expect(markdown).toContain('| # | Step | Operator | Team coordinator | Workflow coordinator |');
    expect(markdown).toContain('| 1 | Accept incident | R | CI | RA |');
    expect(markdown).toContain('| 2 | Classify | R |  | A |');
    expect(markdown).toContain(
      '#### 1. Accept incident (Operator)\n\nTools: Monitoring console, Service desk suite\n\n###### Steps',
    );
    expect(markdown).toContain('Archive paperwork _(obsolete)_');
    expect(markdown).toBe(handbookMarkdown(referenceSnapshot(), { kind: 'ORGANISATION' }));
  });

  it('one procedure, or one role: only its steps and its instructions', () => {
    const one = handbookOutline(snapshot, { kind: 'PROCEDURE', procedureId: 'proc-operate' });
    expect(one.procedures.map((p) => p.id)).toEqual(['proc-operate']);
    expect(one.processes).toHaveLength(5);

    const team = handbookOutline(snapshot, { kind: 'ROLE', roleId: roleIdOf('Team coordinator') });
    const w3 = team.procedures.find((p) => p.id === 'proc-w3')!;
    expect(w3.steps.map((step) => step.position)).toEqual([1, 4, 7, 10, 13, 16, 19, 22]);
    expect(w3.instructions).toEqual([]); // the operator's, not the team coordinator's
    const operator = handbookOutline(snapshot, { kind: 'ROLE', roleId: roleIdOf('Operator') });
    expect(operator.procedures.flatMap((p) => p.instructions).every((wi) => wi.roleName === 'Operator')).toBe(
      true,
    );
    const manager = handbookOutline(snapshot, { kind: 'ROLE', roleId: roleIdOf('Workflow manager') });
    expect(manager.procedures).toEqual([]);
    expect(handbookMarkdown(snapshot, { kind: 'ROLE', roleId: roleIdOf('Workflow manager') })).toContain(
      '_No procedures._',
    );
    expect(() => handbookOutline(snapshot, { kind: 'ROLE', roleId: 'nobody' })).toThrow(/No Role/);
    expect(() => handbookOutline(snapshot, { kind: 'PROCEDURE', procedureId: 'none' })).toThrow(
      /No Procedure/,
    );
  });

  it('HTML: self-contained, printable, well-formed, with the same content', () => {
    const html = handbookHtml(snapshot, { kind: 'ORGANISATION' });
    expectWellFormed(html);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc="|\shref="(?!https?:|mailto:)|@import|url\(/i);
    expect(html).toContain('@media print');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('section.procedure { break-before: page; page-break-before: always; }');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('print-color-adjust: exact');
    expect(html).toContain('<th class="role">Team coordinator</th>');
    expect(html).toContain('<td class="letters A">RA</td>');
    expect(html).toContain('<h6>Steps</h6>');
    expect(html).toContain('<li>Open the <em>ticket</em></li>');
    expect(html).toContain('<code>usm classify</code>');
    expect(html).toContain(
      '<a href="https://example.org/guide?a=1&amp;b=2" rel="noopener noreferrer nofollow">the guide</a>',
    );
    expect(html.match(/<section class="procedure">/g)).toHaveLength(snapshot.procedures.length);
    expect(html).toBe(handbookHtml(referenceSnapshot(), { kind: 'ORGANISATION' }));
  });

  it('escapes hostile text everywhere and keeps unsafe links as text', () => {
    const hostile = referenceSnapshot({ hostile: true });
    const html = handbookHtml(hostile, { kind: 'ORGANISATION' });
    expectWellFormed(html);
    expect(html).not.toMatch(/<script|<b>|<img|javascript:alert|onerror="/i);
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39; &lt;b&gt;',
    );
    expect(html).toContain('check this');
    const markdown = handbookMarkdown(hostile, { kind: 'ORGANISATION' });
    expect(markdown).not.toMatch(/(?<!\\)<(script|b>|img)/);
    expect(markdown).toContain(escapeMarkdown(HOSTILE));
  });

  it('embeds instruction Markdown below the handbook headings, raw HTML as text', () => {
    expect(embedInstructionMarkdown('# Title\n<b>x</b> & `a<b` \n```\n<raw>\n```')).toBe(
      '##### Title\n&lt;b>x&lt;/b> &amp; `a<b` \n```\n<raw>\n```',
    );
  });
});
