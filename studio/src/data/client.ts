/**
 * The GraphQL client: urql with a normalised cache (graphcache) that knows the schema (generated
 * introspection), keys objects by `id`, merges the organisation pages (Relay) and keeps lists right after
 * mutations. Requests carry the session cookie; the API is on the same origin (`/graphql`).
 */
import { Client, fetchExchange } from '@urql/core';
import { cacheExchange, type Cache, type KeyingConfig } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import type { IntrospectionObjectType } from 'graphql';
import type { CreateHandoverMutation, LoginMutation } from '../gql/graphql';
import schema from '../gql/introspection';
import { MeQuery } from './operations';

/** Types without an `id` (connections, edges, page info, matrices…) are embedded in their parent. */
const keyless: KeyingConfig = Object.fromEntries(
  schema.__schema.types
    .filter((type): type is IntrospectionObjectType => type.kind === 'OBJECT')
    .filter((type) => !type.name.startsWith('__') && type.name !== 'Query' && type.name !== 'Mutation')
    .filter((type) => !type.fields.some((field) => field.name === 'id'))
    .map((type) => [type.name, () => null]),
);

function invalidateOrganisationList(cache: Cache): void {
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === 'organisations') cache.invalidate('Query', field.fieldName, field.arguments);
  }
}

export function createGraphqlClient(url = '/graphql'): Client {
  return new Client({
    url,
    // Always POST JSON: the API accepts only application/json POSTs (Apollo's CSRF prevention refuses a GET
    // without a preflight header), and the session cookie goes along on the same origin.
    preferGetMethod: false,
    fetchOptions: { credentials: 'include' },
    requestPolicy: 'cache-first',
    exchanges: [
      cacheExchange({
        schema,
        keys: keyless,
        resolvers: { Query: { organisations: relayPagination() } },
        updates: {
          Mutation: {
            login(result, _args, cache) {
              const { user } = (result as LoginMutation).login;
              cache.updateQuery({ query: MeQuery }, () => ({ me: { __typename: 'User', ...user } }));
              invalidateOrganisationList(cache);
            },
            logout(_result, _args, cache) {
              cache.updateQuery({ query: MeQuery }, () => ({ me: null }));
            },
            createOrganisation(_result, _args, cache) {
              invalidateOrganisationList(cache);
            },
            createHandover(result, _args, cache) {
              const created = (result as CreateHandoverMutation).createHandover;
              const activity = { __typename: 'Activity', id: created.from.id };
              const links = cache.resolve(activity, 'handovers');
              const key = cache.keyOfEntity({ __typename: 'Handover', id: created.id });
              if (Array.isArray(links) && key) {
                const keys = links as string[];
                if (!keys.includes(key)) cache.link(activity, 'handovers', [...keys, key]);
              }
            },
            deleteHandover(_result, args, cache) {
              const input = args.input as { id: string };
              cache.invalidate({ __typename: 'Handover', id: input.id });
            },
            deleteActivity(_result, args, cache) {
              const input = args.input as { id: string };
              cache.invalidate({ __typename: 'Activity', id: input.id });
            },
          },
        },
      }),
      fetchExchange,
    ],
  });
}
