/**
 * The coverage report as the view shows it: the framework's items grouped (ITIL 4 practices by General,
 * Service and Technical; ISO/IEC 20000-1 clauses by their parent clause), each covered or not with its
 * mappings and what they point at, and the rules for a new mapping.
 */
import type { Framework } from './gateway';

export const FRAMEWORKS: readonly Framework[] = ['ITIL4', 'ISO20000'];

export const FRAMEWORK_LABELS: Readonly<Record<Framework, string>> = {
  ITIL4: 'ITIL 4 practices',
  ISO20000: 'ISO/IEC 20000-1:2018 clauses',
};

export const RATIONALE_MAX = 2000;

export interface ReportItem {
  readonly key: string;
  readonly title: string;
  readonly group: string | null;
}

export interface ReportMapping {
  readonly id: string;
  readonly version: number;
  readonly rationale: string;
  readonly activity: {
    readonly id: string;
    readonly name: string;
    readonly deleted: boolean;
    readonly process: { readonly name: string };
  } | null;
  readonly workflow: { readonly id: string; readonly number: number; readonly name: string } | null;
}

export interface ReportLine {
  readonly covered: boolean;
  readonly item: ReportItem;
  readonly mappings: readonly ReportMapping[];
}

export interface LineGroup {
  /** The group's heading ('General management practices', 'Clause 8.6', 'Top-level clauses'). */
  readonly title: string;
  readonly lines: readonly ReportLine[];
  readonly coveredCount: number;
}

const ITIL_GROUPS: Readonly<Record<string, string>> = {
  General: 'General management practices',
  Service: 'Service management practices',
  Technical: 'Technical management practices',
};

/** The heading of an item's group for the framework. */
export function groupTitle(framework: Framework, group: string | null): string {
  if (framework === 'ITIL4') return group ? (ITIL_GROUPS[group] ?? `${group} practices`) : 'Practices';
  return group ? `Clause ${group}` : 'Clauses';
}

/**
 * The lines in groups, in reference order: a group appears where its first line does. For ISO, a top
 * clause and its sub-clauses stay together (the top clause heads the group of its own number).
 */
export function groupLines(framework: Framework, lines: readonly ReportLine[]): LineGroup[] {
  const order: string[] = [];
  const byTitle = new Map<string, ReportLine[]>();
  for (const line of lines) {
    const group =
      framework === 'ISO20000' &&
      !line.item.group &&
      lines.some((other) => other.item.group === line.item.key)
        ? line.item.key
        : line.item.group;
    const title = groupTitle(framework, group);
    if (!byTitle.has(title)) {
      byTitle.set(title, []);
      order.push(title);
    }
    byTitle.get(title)!.push(line);
  }
  return order.map((title) => {
    const grouped = byTitle.get(title)!;
    return { title, lines: grouped, coveredCount: grouped.filter((line) => line.covered).length };
  });
}

/** Only the lines not covered (or all of them). */
export function filterLines(lines: readonly ReportLine[], onlyUncovered: boolean): readonly ReportLine[] {
  return onlyUncovered ? lines.filter((line) => !line.covered) : lines;
}

/** What a mapping points at, in words: 'Activity “Classify” (Recover)' or 'Workflow 3: …'. */
export function targetLabel(mapping: ReportMapping): string {
  if (mapping.activity) {
    const deleted = mapping.activity.deleted ? ' — deleted, covers nothing' : '';
    return `Activity “${mapping.activity.name}” (${mapping.activity.process.name})${deleted}`;
  }
  if (mapping.workflow) return `Workflow ${mapping.workflow.number}: ${mapping.workflow.name}`;
  return 'Nothing (its target is gone)';
}

/** The percentage covered, rounded (0 for an empty framework). */
export function coveredPercent(coveredCount: number, totalCount: number): number {
  return totalCount === 0 ? 0 : Math.round((coveredCount / totalCount) * 100);
}

/** A mapping's target as the form encodes it in one select value. */
export type MappingTarget = { kind: 'activity'; id: string } | { kind: 'workflow'; id: string };

export function encodeTarget(target: MappingTarget): string {
  return `${target.kind}:${target.id}`;
}

export function decodeTarget(value: string): MappingTarget | null {
  const match = /^(activity|workflow):(.+)$/.exec(value);
  return match ? { kind: match[1] as MappingTarget['kind'], id: match[2]! } : null;
}

/** What is missing or wrong in a new mapping, or null when it can be saved. */
export function mappingProblem(values: {
  itemKey: string;
  target: string;
  rationale: string;
}): string | null {
  if (!values.itemKey) return 'Choose the practice or clause.';
  if (!decodeTarget(values.target)) return 'Choose the activity or workflow that covers it.';
  const rationale = values.rationale.trim();
  if (!rationale) return 'Give the source or the rationale of the mapping: it is required.';
  if (rationale.length > RATIONALE_MAX) return `The rationale is at most ${RATIONALE_MAX} characters.`;
  return null;
}
