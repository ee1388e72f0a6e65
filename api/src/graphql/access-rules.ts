import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { Extensions } from 'type-graphql';
import type { RequestContext } from './context';
import type { RequestAccess } from './request-access';

/**
 * Every query and mutation field declares who may call it. The rule is checked once per request, before
 * execution, for every root field the operation selects; a root field without a rule is refused (and
 * fails the authorisation matrix test), so a new field cannot be exposed by accident.
 *
 * - PUBLIC: anyone, signed in or not.
 * - SIGNED_IN: any signed-in user (e.g. creating an organisation, listing one's own).
 * - ADMINISTRATOR: signed-in administrators.
 * - ORGANISATION: a signed-in user; the resolver then checks the member role in the organisation that
 *   owns the object (outsiders get NOT_FOUND, members without the right FORBIDDEN). Queries and
 *   subscriptions also admit a share link (request-access.ts: it reads one organisation's model);
 *   mutations never do.
 */
export const ACCESS_RULES = ['PUBLIC', 'SIGNED_IN', 'ADMINISTRATOR', 'ORGANISATION'] as const;
export type AccessRule = (typeof ACCESS_RULES)[number];

export function Access(rule: AccessRule): MethodDecorator {
  return Extensions({ access: rule });
}

export function accessRuleOf(type: GraphQLObjectType, fieldName: string): AccessRule | undefined {
  if (fieldName.startsWith('__')) return 'PUBLIC';
  return type.getFields()[fieldName]?.extensions?.access as AccessRule | undefined;
}

export const accessRulePlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document, schema, contextValue }) {
        if (!operation) return;
        if (operation.operation === 'subscription') {
          throw new GraphQLError('Subscriptions go over the WebSocket at /graphql (graphql-ws), not HTTP.', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
        checkAccessRules(schema, operation, document, contextValue.access);
      },
    };
  },
};

/**
 * Checks the rule of every root field the operation selects, before execution (HTTP through the plugin
 * above, WebSocket in websocket.ts). Throws the GraphQLError to answer.
 */
export function checkAccessRules(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  document: DocumentNode,
  access: RequestAccess,
): void {
  const rootType =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!rootType) return;
  if (operation.operation === 'mutation') access.beforeMutation();
  for (const fieldName of rootFieldNames(operation, document)) {
    const rule = accessRuleOf(rootType, fieldName);
    if (!rule) {
      throw new GraphQLError(`The field ${fieldName} has no access rule.`, {
        extensions: { code: 'FORBIDDEN', http: { status: 403 } },
      });
    }
    if (rule === 'PUBLIC') continue;
    const shareReads = rule === 'ORGANISATION' && operation.operation !== 'mutation' && access.share;
    if (!access.signedIn && !shareReads) {
      throw new GraphQLError(
        access.share
          ? 'A share link only reads the model: sign in to do this.'
          : 'Sign in first: send the session cookie or an `Authorization: Bearer` token.',
        { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } },
      );
    }
    if (rule === 'ADMINISTRATOR' && !access.administrator) {
      throw new GraphQLError(`Only administrators may use ${fieldName}.`, {
        extensions: { code: 'FORBIDDEN', http: { status: 403 } },
      });
    }
  }
}

function rootFieldNames(operation: OperationDefinitionNode, document: DocumentNode): Set<string> {
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
    ),
  );
  const names = new Set<string>();
  const visit = (selectionSet: SelectionSetNode, seen: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet, new Set([...seen, selection.name.value]));
      }
    }
  };
  visit(operation.selectionSet, new Set());
  return names;
}
