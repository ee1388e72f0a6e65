/**
 * The procedure handbook: what staff read. For the whole organisation, one procedure or one role, it gives
 * the process overview (the five processes with their purpose and activities, and the workflows), then per
 * procedure its steps in order (process, fork depth as indentation) with the responsibilities on each, a RACI
 * matrix (steps × roles) and the work instructions (role, tools, text).
 *
 * Two renderings of one outline: Markdown, and a self-contained printable HTML document (inline CSS, no
 * scripts, no external resources; every text escaped, instruction Markdown rendered by the safe subset in
 * markdown.ts). Pure and deterministic: the same snapshot and selection give the same bytes.
 */
import { NotFoundError } from '../errors';
import type { CallType, ProcessKey } from '../usm';
import { escapeHtml, renderMarkdownSafely } from './markdown';
import { indexSnapshot, type OrganisationSnapshot, type SnapshotProcedure } from './snapshot';

export type HandbookSelection =
  | { kind: 'ORGANISATION' }
  | { kind: 'PROCEDURE'; procedureId: string }
  /** Only the steps the role holds letters on, and only its work instructions. */
  | { kind: 'ROLE'; roleId: string };

export const CALL_TYPE_LABELS: Readonly<Record<CallType, string>> = {
  WISH: 'wish',
  RFC: 'request for change',
  INCIDENT: 'incident',
  SERVICE_REQUEST: 'service request',
  RISK: 'risk',
};

interface OutlineStep {
  position: number;
  processName: string;
  depth: number;
  name: string;
  obsolete: boolean;
  /** In role order; letters in R, A, C, I order. */
  responsibilities: { roleId: string; roleName: string; letters: string }[];
}

interface OutlineInstruction {
  stepPosition: number;
  stepName: string;
  roleName: string;
  tools: string[];
  text: string;
  obsolete: boolean;
}

interface OutlineProcedure {
  id: string;
  name: string;
  source: string;
  steps: OutlineStep[];
  /** The matrix columns: every role holding a letter on a listed step, in role order. */
  roles: { id: string; name: string }[];
  instructions: OutlineInstruction[];
}

export interface HandbookOutline {
  title: string;
  scope: string;
  processes: {
    key: ProcessKey;
    name: string;
    purpose: string;
    activities: { position: number; name: string; description: string }[];
  }[];
  workflows: {
    number: number;
    name: string;
    trigger: string;
    startProcess: string;
    reactive: boolean;
    steps: number;
  }[];
  procedures: OutlineProcedure[];
}

/** What both renderings show, in order. Throws NotFoundError for an unknown procedure or role. */
export function handbookOutline(
  snapshot: OrganisationSnapshot,
  selection: HandbookSelection,
): HandbookOutline {
  const index = indexSnapshot(snapshot);
  const processName = (key: ProcessKey) => index.processes.get(key)?.name ?? key;
  const roleOrder = new Map(snapshot.roles.map((role, position) => [role.id, position]));
  const roleName = (id: string) => index.roles.get(id)?.name ?? 'Unknown role';

  let procedures: SnapshotProcedure[];
  let scope: string;
  let title = `Procedure handbook: ${snapshot.name}`;
  let onlyRole: string | null = null;
  if (selection.kind === 'PROCEDURE') {
    const procedure = snapshot.procedures.find((candidate) => candidate.id === selection.procedureId);
    if (!procedure) throw new NotFoundError('Procedure', selection.procedureId);
    procedures = [procedure];
    title = `Procedure handbook: ${procedure.name}`;
    scope = `The procedure ${procedure.name} of ${snapshot.name}.`;
  } else if (selection.kind === 'ROLE') {
    const role = index.roles.get(selection.roleId);
    if (!role) throw new NotFoundError('Role', selection.roleId);
    onlyRole = role.id;
    procedures = snapshot.procedures.filter((procedure) =>
      procedure.steps.some((step) => step.responsibilities.some((r) => r.roleId === role.id)),
    );
    title = `Procedure handbook for the role ${role.name}`;
    scope = `The steps the role ${role.name} of ${snapshot.name} holds responsibilities on, and its work instructions.`;
  } else {
    procedures = snapshot.procedures;
    scope = `Every procedure of ${snapshot.name}.`;
  }

  const outlineProcedure = (procedure: SnapshotProcedure): OutlineProcedure => {
    const steps = procedure.steps.filter(
      (step) => onlyRole === null || step.responsibilities.some((r) => r.roleId === onlyRole),
    );
    const listed = new Set(steps.map((step) => step.id));
    const roleIds = new Set(steps.flatMap((step) => step.responsibilities.map((r) => r.roleId)));
    const stepById = new Map(procedure.steps.map((step) => [step.id, step]));
    const workflow =
      procedure.source.kind === 'WORKFLOW' ? index.workflows.get(procedure.source.workflowNumber) : undefined;
    return {
      id: procedure.id,
      name: procedure.name,
      source:
        procedure.source.kind === 'PROCESS'
          ? `Derived from the ${processName(procedure.source.process)} process.`
          : `Derived from workflow ${procedure.source.workflowNumber}${workflow ? ` (${workflow.name})` : ''}.`,
      steps: steps.map((step) => ({
        position: step.position,
        processName: processName(step.process),
        depth: step.depth,
        name: step.name,
        obsolete: step.obsolete,
        responsibilities: step.responsibilities.map((r) => ({
          roleId: r.roleId,
          roleName: roleName(r.roleId),
          letters: r.letters,
        })),
      })),
      roles: [...roleIds]
        .sort((a, b) => (roleOrder.get(a) ?? 0) - (roleOrder.get(b) ?? 0))
        .map((id) => ({ id, name: roleName(id) })),
      instructions: procedure.workInstructions
        .filter((wi) => listed.has(wi.stepId) && (onlyRole === null || wi.roleId === onlyRole))
        .map((wi) => ({
          stepPosition: stepById.get(wi.stepId)?.position ?? 0,
          stepName: stepById.get(wi.stepId)?.name ?? '',
          roleName: roleName(wi.roleId),
          tools: wi.toolIds.map((id) => index.tools.get(id)?.name ?? 'Unknown tool'),
          text: wi.text,
          obsolete: wi.obsolete,
        })),
    };
  };

  return {
    title,
    scope,
    processes: snapshot.processes.map((process) => ({
      key: process.key,
      name: process.name,
      purpose: process.purpose,
      activities: process.activities.map((activity) => ({
        position: activity.position,
        name: activity.name,
        description: activity.description,
      })),
    })),
    workflows: snapshot.workflows.map((workflow) => ({
      number: workflow.number,
      name: workflow.name,
      trigger: CALL_TYPE_LABELS[workflow.trigger],
      startProcess: processName(workflow.startProcess),
      reactive: workflow.reactive,
      steps: workflow.steps.length,
    })),
    procedures: procedures.map(outlineProcedure),
  };
}

// ---------------------------------------------------------------------------------------------- Markdown

/** Backslash-escapes Markdown punctuation so a name reads as plain text (and raw HTML stays text). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]<>|#~]/g, '\\$&')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    .replace(/!(?=\\\[)/g, '\\!');
}

/**
 * A work instruction's own Markdown, placed below the handbook's headings: its headings are moved down to
 * level 5 and deeper, and "<" outside code is written as "&lt;" so that raw HTML stays text in any viewer.
 */
export function embedInstructionMarkdown(text: string): string {
  let fence: string | null = null;
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence !== null) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
        return line;
      }
      if (marker) {
        fence = marker;
        return line;
      }
      const shifted = line.replace(
        /^( {0,3})(#{1,6})(?=\s|$)/,
        (_, indent: string, hashes: string) => indent + '#'.repeat(Math.min(6, hashes.length + 4)),
      );
      return shifted
        .split(/(`+[^`]*`+)/)
        .map((part, position) =>
          position % 2 === 1 ? part : part.replace(/&(?![a-z]+;|#\d+;)/gi, '&amp;').replace(/</g, '&lt;'),
        )
        .join('');
    })
    .join('\n');
}

const cell = (text: string) => escapeMarkdown(text);
const INDENT = '\u2003\u2003';

export function handbookMarkdown(snapshot: OrganisationSnapshot, selection: HandbookSelection): string {
  const outline = handbookOutline(snapshot, selection);
  const out: string[] = [];
  const line = (text = '') => out.push(text);

  line(`# ${escapeMarkdown(outline.title)}`);
  line();
  line(escapeMarkdown(outline.scope));
  line();
  line('## Process overview');
  for (const process of outline.processes) {
    line();
    line(`### ${escapeMarkdown(process.name)}`);
    line();
    if (process.purpose) {
      line(escapeMarkdown(process.purpose));
      line();
    }
    if (process.activities.length === 0) line('_No activities._');
    for (const activity of process.activities) {
      const description = activity.description ? `: ${escapeMarkdown(activity.description)}` : '';
      line(`${activity.position}. **${escapeMarkdown(activity.name)}**${description}`);
    }
  }
  line();
  line('### Workflows');
  line();
  if (outline.workflows.length === 0) {
    line('_No workflows._');
  } else {
    line('| # | Workflow | Trigger | Starts in | Kind | Steps |');
    line('|---:|---|---|---|---|---:|');
    for (const workflow of outline.workflows) {
      line(
        `| ${workflow.number} | ${cell(workflow.name)} | ${cell(workflow.trigger)} | ${cell(workflow.startProcess)} | ${
          workflow.reactive ? 'reactive' : 'proactive'
        } | ${workflow.steps} |`,
      );
    }
  }

  if (outline.procedures.length === 0) {
    line();
    line('_No procedures._');
  }
  for (const procedure of outline.procedures) {
    line();
    line(`## Procedure: ${escapeMarkdown(procedure.name)}`);
    line();
    line(escapeMarkdown(procedure.source));
    line();
    line('### Steps');
    line();
    line('| # | Process | Step | Responsibilities |');
    line('|---:|---|---|---|');
    for (const step of procedure.steps) {
      const name = `${INDENT.repeat(step.depth)}${step.depth > 0 ? '↳ ' : ''}${cell(step.name)}${step.obsolete ? ' _(obsolete)_' : ''}`;
      const who =
        step.responsibilities.map((r) => `${cell(r.roleName)}: ${r.letters}`).join('; ') || '_unassigned_';
      line(`| ${step.position} | ${cell(step.processName)} | ${name} | ${who} |`);
    }
    line();
    line('### RACI matrix');
    line();
    line(`| # | Step |${procedure.roles.map((role) => ` ${cell(role.name)} |`).join('')}`);
    line(`|---:|---|${procedure.roles.map(() => ':---:|').join('')}`);
    for (const step of procedure.steps) {
      const letters = procedure.roles.map(
        (role) => ` ${step.responsibilities.find((r) => r.roleId === role.id)?.letters ?? ''} |`,
      );
      line(
        `| ${step.position} | ${cell(step.name)}${step.obsolete ? ' _(obsolete)_' : ''} |${letters.join('')}`,
      );
    }
    line();
    line('### Work instructions');
    if (procedure.instructions.length === 0) {
      line();
      line('_No work instructions._');
    }
    for (const instruction of procedure.instructions) {
      line();
      line(
        `#### ${instruction.stepPosition}. ${escapeMarkdown(instruction.stepName)} (${escapeMarkdown(instruction.roleName)})${
          instruction.obsolete ? ' (obsolete)' : ''
        }`,
      );
      line();
      line(
        `Tools: ${instruction.tools.length ? instruction.tools.map(escapeMarkdown).join(', ') : '_none_'}`,
      );
      line();
      line(instruction.text.trim() ? embedInstructionMarkdown(instruction.text.trim()) : '_No text yet._');
    }
  }
  return `${out.join('\n')}\n`;
}

// -------------------------------------------------------------------------------------------------- HTML

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
