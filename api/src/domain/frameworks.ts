/**
 * The frameworks USM claims to cover, as read-only reference lists (reference §6): the 34 ITIL 4 management
 * practices and the ISO/IEC 20000-1:2018 clauses. USM publishes no per-practice mapping: which activities or
 * workflows cover an item is user data (a CoverageMapping, always with its source or rationale), never
 * presented as official USM content.
 */

export const FRAMEWORKS = ['ITIL4', 'ISO20000'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export interface FrameworkItem {
  framework: Framework;
  /** Stable key: a slug for ITIL practices ('incident-management'), the clause number for ISO ('8.6.1'). */
  key: string;
  title: string;
  /** ITIL: 'General', 'Service' or 'Technical'; ISO: the parent clause ('8.6'), or null for a top clause. */
  group: string | null;
}

const ITIL_GROUPS: Readonly<Record<string, readonly string[]>> = {
  General: [
    'Architecture management',
    'Continual improvement',
    'Information security management',
    'Knowledge management',
    'Measurement and reporting',
    'Organizational change management',
    'Portfolio management',
    'Project management',
    'Relationship management',
    'Risk management',
    'Service financial management',
    'Strategy management',
    'Supplier management',
    'Workforce and talent management',
  ],
  Service: [
    'Availability management',
    'Business analysis',
    'Capacity and performance management',
    'Change enablement',
    'Incident management',
    'IT asset management',
    'Monitoring and event management',
    'Problem management',
    'Release management',
    'Service catalogue management',
    'Service configuration management',
    'Service continuity management',
    'Service design',
    'Service desk',
    'Service level management',
    'Service request management',
    'Service validation and testing',
  ],
  Technical: [
    'Deployment management',
    'Infrastructure and platform management',
    'Software development and management',
  ],
};

export const ITIL_PRACTICES: readonly FrameworkItem[] = Object.entries(ITIL_GROUPS).flatMap(
  ([group, titles]) =>
    titles.map((title) => ({ framework: 'ITIL4' as const, key: slug(title), title, group })),
);

/** Clause 8 (operation) in detail; clauses 4–7, 9 and 10 as whole clauses (reference §6). */
const ISO_CLAUSES: readonly [string, string][] = [
  ['4', 'Context of the organization'],
  ['5', 'Leadership'],
  ['6', 'Planning'],
  ['7', 'Support of the service management system'],
  ['8.1', 'Operational planning and control'],
  ['8.2', 'Service portfolio'],
  ['8.2.1', 'Service delivery'],
  ['8.2.2', 'Plan the services'],
  ['8.2.3', 'Control of parties involved in the service lifecycle'],
  ['8.2.4', 'Service catalogue management'],
  ['8.2.5', 'Asset management'],
  ['8.2.6', 'Configuration management'],
  ['8.3', 'Relationship and agreement'],
  ['8.3.2', 'Business relationship management'],
  ['8.3.3', 'Service level management'],
  ['8.3.4', 'Supplier management'],
  ['8.4', 'Supply and demand'],
  ['8.4.1', 'Budgeting and accounting for services'],
  ['8.4.2', 'Demand management'],
  ['8.4.3', 'Capacity management'],
  ['8.5', 'Service design, build and transition'],
  ['8.5.1', 'Change management'],
  ['8.5.2', 'Service design and transition'],
  ['8.5.3', 'Release and deployment management'],
  ['8.6', 'Resolution and fulfilment'],
  ['8.6.1', 'Incident management'],
  ['8.6.2', 'Service request management'],
  ['8.6.3', 'Problem management'],
  ['8.7', 'Service assurance'],
  ['8.7.1', 'Service availability management'],
  ['8.7.2', 'Service continuity management'],
  ['8.7.3', 'Information security management'],
  ['9', 'Performance evaluation'],
  ['10', 'Improvement'],
];

export const ISO_20000_CLAUSES: readonly FrameworkItem[] = ISO_CLAUSES.map(([key, title]) => ({
  framework: 'ISO20000' as const,
  key,
  title,
  group: key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : null,
}));

export function frameworkItems(framework: Framework): readonly FrameworkItem[] {
  return framework === 'ITIL4' ? ITIL_PRACTICES : ISO_20000_CLAUSES;
}

export function frameworkItem(framework: Framework, key: string): FrameworkItem | undefined {
  return frameworkItems(framework).find((item) => item.key === key);
}

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
