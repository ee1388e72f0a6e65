import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { getVariableValues, GraphQLError, printSchema, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * Operations executed by code compiled once per distinct operation (graphql-jit) instead of graphql-js's
 * interpreter, which re-derives every field's arguments, type checks and path as it walks the result.
 * Whole-model reads complete ~600,000 fields; compiled, that walk is a fraction of the request
 * (docs/benchmarks.md). Apollo still parses, validates, runs our plugins (access rules, limits) and
 * formats every error; only execution changes. Its only way to plug in an executor is the gateway
 * interface, used here for one static schema.
 *
 * Variables are coerced by graphql-js first, so bad input gets graphql-js's own messages (which Apollo
 * turns into BAD_USER_INPUT and errors.ts into `extensions.field`), exactly as without compilation.
 */

/** Distinct operations kept compiled; clients send a bounded set, so eviction is rare. */
const MAX_COMPILED_OPERATIONS = 1_000;

export function compiledExecutionGateway(schema: GraphQLSchema): GatewayInterface {
  const compiled = new Map<string, CompiledQuery>();
  const executor: GatewayExecutor = async (requestContext) => {
    const { document, operation, operationName, queryHash, request, context } = requestContext;
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, {
      maxErrors: 50,
    });
    if (coerced.errors) return { errors: coerced.errors };
    const key = `${queryHash}:${operationName ?? ''}`;
    let query = compiled.get(key);
    if (!query) {
      const result = compileQuery(schema, document, operationName ?? undefined, {
        disablingCapturingStackErrors: true,
      });
      // Apollo validated the document already; what remains here are execution-time errors.
      if (!isCompiledQuery(result)) return result;
      query = result;
      if (compiled.size >= MAX_COMPILED_OPERATIONS) compiled.delete(compiled.keys().next().value!);
      compiled.set(key, query);
    }
    const result = await query.query(undefined, context, request.variables ?? {});
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
  };
  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async stop() {},
  };
}

/**
 * graphql-jit's errors imitate graphql-js's but leave `extensions` undefined when the cause has none,
 * which Apollo's error formatting does not survive. Rebuilt as graphql-js errors, they carry the same
 * message, path, locations and cause (errors.ts reads the cause: domain codes, lost connections).
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
  });
  (rebuilt as { locations: GraphQLError['locations'] }).locations = error.locations;
  return rebuilt;
}
