import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ActivityResolver } from './resolvers/activity.resolver';
import { CatalogResolver } from './resolvers/catalog.resolver';
import { HandoverResolver } from './resolvers/handover.resolver';
import { NodeResolver } from './resolvers/node.resolver';
import { OrganisationResolver } from './resolvers/organisation.resolver';
import { ProcessResolver } from './resolvers/process.resolver';
import { ReferenceResolver } from './resolvers/reference.resolver';
import { WorkflowResolver } from './resolvers/workflow.resolver';
import { ActivityNode, HandoverNode, OrganisationNode, ProcessNode, RoleNode, ToolNode } from './types/model';
import { WorkflowNode } from './types/workflow';

let schema: Promise<GraphQLSchema> | null = null;

/** The executable schema; built once per process (type-graphql metadata is global). */
export function usmSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: [
      OrganisationResolver,
      ProcessResolver,
      ActivityResolver,
      HandoverResolver,
      WorkflowResolver,
      CatalogResolver,
      NodeResolver,
      ReferenceResolver,
    ],
    // Types reachable only through the Node interface must still be in the schema.
    orphanedTypes: [
      OrganisationNode,
      ProcessNode,
      ActivityNode,
      HandoverNode,
      WorkflowNode,
      RoleNode,
      ToolNode,
    ],
    validate: false,
    emitSchemaFile: false,
  });
  return schema;
}
