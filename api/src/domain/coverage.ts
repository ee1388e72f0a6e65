/**
 * How far an organisation's model covers a framework, by the mappings its users recorded (user data, never
 * official USM content). An item counts as covered when at least one mapping points at a live activity or at
 * a workflow; mappings to a deleted activity are kept (with their rationale) but cover nothing.
 */
import { BadUserInputError } from './errors';
import { frameworkItem, frameworkItems, type Framework, type FrameworkItem } from './frameworks';

export const COVERAGE_NOTE =
  'Mappings are recorded by the users of this organisation, each with its source or rationale; ' +
  'USM publishes no official mapping to this framework.';

export interface MappingFacts {
  id: string;
  itemKey: string;
  /** False when the mapped activity was deleted. */
  live: boolean;
}

export interface CoverageLine<M extends MappingFacts> {
  item: FrameworkItem;
  covered: boolean;
  mappings: M[];
}

export interface CoverageReport<M extends MappingFacts> {
  framework: Framework;
  lines: CoverageLine<M>[];
  coveredCount: number;
  totalCount: number;
}

export function coverageReport<M extends MappingFacts>(
  framework: Framework,
  mappings: readonly M[],
): CoverageReport<M> {
  const byItem = new Map<string, M[]>();
  for (const mapping of mappings)
    byItem.set(mapping.itemKey, [...(byItem.get(mapping.itemKey) ?? []), mapping]);
  const lines = frameworkItems(framework).map((item) => {
    const mapped = byItem.get(item.key) ?? [];
    return { item, covered: mapped.some((mapping) => mapping.live), mappings: mapped };
  });
  return {
    framework,
    lines,
    coveredCount: lines.filter((line) => line.covered).length,
    totalCount: lines.length,
  };
}

export const RATIONALE_MAX_LENGTH = 2000;

/** Checks a new mapping's item and rationale (the target is checked against the model by the caller). */
export function validMapping(
  framework: Framework,
  itemKey: string,
  rationale: string,
): { item: FrameworkItem; rationale: string } {
  const item = frameworkItem(framework, itemKey);
  if (!item) {
    throw new BadUserInputError(
      `${itemKey} is not an item of ${framework}; see usmReference.frameworks for the keys.`,
      'input.itemKey',
    );
  }
  const trimmed = rationale.trim();
  if (!trimmed) {
    throw new BadUserInputError(
      'Say where the mapping comes from or why it holds: a mapping without its source or rationale is not recorded.',
      'input.rationale',
    );
  }
  if (trimmed.length > RATIONALE_MAX_LENGTH) {
    throw new BadUserInputError(
      `The rationale is ${trimmed.length} characters long; at most ${RATIONALE_MAX_LENGTH} are allowed.`,
      'input.rationale',
    );
  }
  return { item, rationale: trimmed };
}
