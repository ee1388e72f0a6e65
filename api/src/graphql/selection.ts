import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The names of the fields selected directly under the field being resolved (fragments and inline
 * fragments expanded, aliases ignored). A resolver uses it to load what its children will ask for in the
 * same batch, so they can answer synchronously; it must never change what is returned, only when it is
 * loaded. `@skip`/`@include` are not evaluated: a field under them counts as selected (loading a little
 * more, never less).
 */
export function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined, expanding: ReadonlySet<string>) => {
    if (!selectionSet) return;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, expanding);
      else if (!expanding.has(selection.name.value)) {
        const fragment = info.fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet, new Set([...expanding, selection.name.value]));
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, new Set());
  return names;
}
