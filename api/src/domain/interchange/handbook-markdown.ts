/** The handbook (handbook.ts's outline) as Markdown. */
import { handbookOutline, type HandbookSelection } from './handbook';
import type { OrganisationSnapshot } from './snapshot';

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
