import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * Limits that refuse abusive queries before any resolver runs. Each has its own documented error code.
 * Introspection fields (`__schema`, `__type`) are not counted, so explorers keep working.
 * The defaults leave ample room for the studio's own queries on a large organisation (its deepest is
 * about 8 levels and 150 fields); whole-model exports use dedicated fields.
 */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  /** Fields selected in all, fragments expanded (a simple, predictable cost). */
  maxFields: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxFields: 1000 };

export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  return [(context) => limitVisitor(context, limits)];
}

function limitVisitor(context: ValidationContext, limits: QueryLimits): ASTVisitor {
  return {
    OperationDefinition(operation) {
      const fragments = new Map(
        context
          .getDocument()
          .definitions.filter(
            (definition): definition is FragmentDefinitionNode =>
              definition.kind === Kind.FRAGMENT_DEFINITION,
          )
          .map((fragment) => [fragment.name.value, fragment]),
      );
      const measure = { depth: 0, aliases: 0, fields: 0 };
      walk(operation.selectionSet, 1, new Set(), fragments, measure, limits);
      const report = (code: string, message: string) =>
        context.reportError(new GraphQLError(message, { nodes: [operation], extensions: { code } }));
      if (measure.depth > limits.maxDepth) {
        report(
          'QUERY_TOO_DEEP',
          `The query is ${measure.depth} levels deep; at most ${limits.maxDepth} are allowed.`,
        );
      }
      if (measure.aliases > limits.maxAliases) {
        report(
          'TOO_MANY_ALIASES',
          `The query uses ${measure.aliases} aliases; at most ${limits.maxAliases} are allowed.`,
        );
      }
      if (measure.fields > limits.maxFields) {
        report(
          'QUERY_TOO_COMPLEX',
          `The query selects ${measure.fields} fields; at most ${limits.maxFields} are allowed. Split it or page lists.`,
        );
      }
    },
  };
}

function walk(
  selectionSet: SelectionSetNode,
  depth: number,
  expanding: Set<string>,
  fragments: Map<string, FragmentDefinitionNode>,
  measure: { depth: number; aliases: number; fields: number },
  limits: QueryLimits,
): void {
  // Stop early once a limit is passed: a hostile query must not cost much to refuse.
  if (measure.fields > limits.maxFields || measure.depth > limits.maxDepth) return;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      measure.fields += 1;
      if (selection.alias) measure.aliases += 1;
      measure.depth = Math.max(measure.depth, depth);
      if (selection.selectionSet)
        walk(selection.selectionSet, depth + 1, expanding, fragments, measure, limits);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      walk(selection.selectionSet, depth, expanding, fragments, measure, limits);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      // A fragment that spreads itself is refused by GraphQL's own rules; do not loop on it here.
      if (!fragment || expanding.has(name)) continue;
      walk(fragment.selectionSet, depth, new Set([...expanding, name]), fragments, measure, limits);
    }
  }
}
