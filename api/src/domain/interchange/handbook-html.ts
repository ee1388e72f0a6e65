/**
 * The handbook (handbook.ts's outline) as a self-contained printable HTML document: inline CSS (A4, a page per
 * procedure, repeated table headers), no scripts or external resources, every text escaped.
 */
import { escapeHtml, renderMarkdownSafely } from './markdown';
import { handbookOutline, type HandbookSelection } from './handbook';
import type { OrganisationSnapshot } from './snapshot';

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Helvetica, Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #1d2733; margin: 2rem auto; max-width: 60rem; padding: 0 1.5rem; }
h1 { font-size: 1.8em; margin: 0 0 0.3em; color: #12324f; }
h2 { font-size: 1.4em; margin: 1.6em 0 0.4em; padding-bottom: 0.2em; border-bottom: 2px solid #2f6f9f; color: #12324f; }
h3 { font-size: 1.15em; margin: 1.2em 0 0.4em; color: #1f4f75; }
h4 { font-size: 1em; margin: 1em 0 0.3em; }
.scope, .source { color: #4a5866; }
.process { margin-bottom: 0.8em; }
.process .purpose { margin: 0 0 0.3em; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 0.95em; }
th, td { border: 1px solid #b8c4cf; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
thead th { background: #e3edf5; color: #12324f; }
td.number, th.number { text-align: right; width: 2.5em; }
td.letters, th.role { text-align: center; }
td.letters { font-weight: 600; }
.R { background: #d9f0dd; } .A { background: #fde7c8; }
.depth { color: #2f6f9f; }
.obsolete { color: #8a3b12; font-style: italic; }
.unassigned { color: #8a3b12; }
.instruction { border-left: 4px solid #2f6f9f; padding: 0.2em 0 0.2em 0.9em; margin: 0.8em 0 1.2em; }
.instruction .tools { color: #4a5866; margin: 0.2em 0 0.4em; }
.instruction .text pre { background: #f3f5f7; padding: 0.5em; overflow-x: auto; }
.instruction .text code { font-family: Consolas, "Courier New", monospace; font-size: 0.95em; }
.empty { color: #6b7785; font-style: italic; }
@media print {
  @page { size: A4; margin: 18mm 16mm 20mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  section.procedure { break-before: page; page-break-before: always; }
  thead { display: table-header-group; }
  tr, .instruction, h2, h3, h4 { break-inside: avoid; page-break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; }
}
`;

export function handbookHtml(snapshot: OrganisationSnapshot, selection: HandbookSelection): string {
  const outline = handbookOutline(snapshot, selection);
  const e = escapeHtml;
  const out: string[] = [];
  const add = (html: string) => out.push(html);

  add('<!DOCTYPE html>');
  add('<html lang="en">');
  add('<head>');
  add('<meta charset="utf-8" />');
  add('<meta name="viewport" content="width=device-width, initial-scale=1" />');
  add(`<title>${e(outline.title)}</title>`);
  add(`<style>${STYLE}</style>`);
  add('</head>');
  add('<body>');
  add('<header>');
  add(`<h1>${e(outline.title)}</h1>`);
  add(`<p class="scope">${e(outline.scope)}</p>`);
  add('</header>');

  add('<section class="overview">');
  add('<h2>Process overview</h2>');
  for (const process of outline.processes) {
    add(`<div class="process">`);
    add(`<h3>${e(process.name)}</h3>`);
    if (process.purpose) add(`<p class="purpose">${e(process.purpose)}</p>`);
    if (process.activities.length === 0) add('<p class="empty">No activities.</p>');
    else {
      add('<ol>');
      for (const activity of process.activities) {
        const description = activity.description ? `: ${e(activity.description)}` : '';
        add(`<li value="${activity.position}"><strong>${e(activity.name)}</strong>${description}</li>`);
      }
      add('</ol>');
    }
    add('</div>');
  }
  add('<h3>Workflows</h3>');
  if (outline.workflows.length === 0) add('<p class="empty">No workflows.</p>');
  else {
    add('<table class="workflows">');
    add(
      '<thead><tr><th class="number">#</th><th>Workflow</th><th>Trigger</th><th>Starts in</th><th>Kind</th><th class="number">Steps</th></tr></thead>',
    );
    add('<tbody>');
    for (const workflow of outline.workflows) {
      add(
        `<tr><td class="number">${workflow.number}</td><td>${e(workflow.name)}</td><td>${e(workflow.trigger)}</td><td>${e(
          workflow.startProcess,
        )}</td><td>${workflow.reactive ? 'reactive' : 'proactive'}</td><td class="number">${workflow.steps}</td></tr>`,
      );
    }
    add('</tbody>');
    add('</table>');
  }
  add('</section>');

  if (outline.procedures.length === 0) add('<p class="empty">No procedures.</p>');
  for (const procedure of outline.procedures) {
    add('<section class="procedure">');
    add(`<h2>Procedure: ${e(procedure.name)}</h2>`);
    add(`<p class="source">${e(procedure.source)}</p>`);

    add('<h3>Steps</h3>');
    add('<table class="steps">');
    add(
      '<thead><tr><th class="number">#</th><th>Process</th><th>Step</th><th>Responsibilities</th></tr></thead>',
    );
    add('<tbody>');
    for (const step of procedure.steps) {
      const indent = step.depth > 0 ? ` style="padding-left: ${0.5 + 1.5 * step.depth}em"` : '';
      const marker = step.depth > 0 ? '<span class="depth">↳ </span>' : '';
      const obsolete = step.obsolete ? ' <span class="obsolete">(obsolete)</span>' : '';
      const who = step.responsibilities.length
        ? step.responsibilities.map((r) => `${e(r.roleName)}: ${e(r.letters)}`).join('; ')
        : '<span class="unassigned">unassigned</span>';
      add(
        `<tr><td class="number">${step.position}</td><td>${e(step.processName)}</td><td${indent}>${marker}${e(
          step.name,
        )}${obsolete}</td><td>${who}</td></tr>`,
      );
    }
    add('</tbody>');
    add('</table>');

    add('<h3>RACI matrix</h3>');
    add('<table class="matrix">');
    add(
      `<thead><tr><th class="number">#</th><th>Step</th>${procedure.roles
        .map((role) => `<th class="role">${e(role.name)}</th>`)
        .join('')}</tr></thead>`,
    );
    add('<tbody>');
    for (const step of procedure.steps) {
      const letters = procedure.roles.map((role) => {
        const held = step.responsibilities.find((r) => r.roleId === role.id)?.letters ?? '';
        const mark = held.includes('A') ? ' A' : held.includes('R') ? ' R' : '';
        return `<td class="letters${mark}">${e(held)}</td>`;
      });
      const obsolete = step.obsolete ? ' <span class="obsolete">(obsolete)</span>' : '';
      add(
        `<tr><td class="number">${step.position}</td><td>${e(step.name)}${obsolete}</td>${letters.join('')}</tr>`,
      );
    }
    add('</tbody>');
    add('</table>');

    add('<h3>Work instructions</h3>');
    if (procedure.instructions.length === 0) add('<p class="empty">No work instructions.</p>');
    for (const instruction of procedure.instructions) {
      add('<div class="instruction">');
      add(
        `<h4>${instruction.stepPosition}. ${e(instruction.stepName)} (${e(instruction.roleName)})${
          instruction.obsolete ? ' <span class="obsolete">(obsolete)</span>' : ''
        }</h4>`,
      );
      add(
        `<p class="tools">Tools: ${
          instruction.tools.length ? instruction.tools.map(e).join(', ') : '<span class="empty">none</span>'
        }</p>`,
      );
      add(
        instruction.text.trim()
          ? `<div class="text">\n${renderMarkdownSafely(instruction.text, { headingOffset: 4 })}</div>`
          : '<p class="empty">No text yet.</p>',
      );
      add('</div>');
    }
    add('</section>');
  }
  add('</body>');
  add('</html>');
  return `${out.join('\n')}\n`;
}
