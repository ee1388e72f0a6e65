import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ActivityResolver } from './resolvers/activity.resolver';
import { CatalogResolver } from './resolvers/catalog.resolver';
import { DemoOrganisationResolver } from './resolvers/demo-organisation.resolver';
import { HandoverResolver } from './resolvers/handover.resolver';
import { NodeResolver } from './resolvers/node.resolver';
import { OrganisationResolver } from './resolvers/organisation.resolver';
import { ProcessResolver } from './resolvers/process.resolver';
import { OrganisationPresentationsResolver, PresentationResolver } from './resolvers/presentation.resolver';
import { ReferenceResolver } from './resolvers/reference.resolver';
import { ImpactResolver } from './resolvers/impact.resolver';
import { AuthResolver } from './resolvers/auth.resolver';
import { MembershipResolver } from './resolvers/membership.resolver';
import { MembershipNode, UserNode } from './types/auth';
import { ProcedureResolver } from './resolvers/procedure.resolver';
import { ProcedureStepResolver } from './resolvers/procedure-step.resolver';
import { RoleResolver } from './resolvers/role.resolver';
import { WorkInstructionResolver } from './resolvers/work-instruction.resolver';
import { ProcedureNode, ProcedureStepNode, WorkInstructionNode } from './types/procedure';
import { WorkflowResolver } from './resolvers/workflow.resolver';
import { ActivityNode, HandoverNode, OrganisationNode, ProcessNode, RoleNode, ToolNode } from './types/model';
import { WorkflowNode } from './types/workflow';
import {
  CoverageResolver,
  FrameworkReferenceResolver,
  OrganisationCoverageResolver,
} from './resolvers/coverage.resolver';
import { CoverageMappingNode } from './types/coverage';
import { InterchangeResolver } from './resolvers/interchange.resolver';

let schema: Promise<GraphQLSchema> | null = null;

/** The executable schema; built once per process (type-graphql metadata is global). */
export function usmSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: [
      OrganisationResolver,
      DemoOrganisationResolver,
      ProcessResolver,
      ActivityResolver,
      HandoverResolver,
      WorkflowResolver,
      CatalogResolver,
      NodeResolver,
      ReferenceResolver,
      ProcedureResolver,
      ProcedureStepResolver,
      WorkInstructionResolver,
      RoleResolver,
      ImpactResolver,
      AuthResolver,
      MembershipResolver,
      PresentationResolver,
      OrganisationPresentationsResolver,
      CoverageResolver,
      OrganisationCoverageResolver,
      FrameworkReferenceResolver,
      InterchangeResolver,
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
      ProcedureNode,
      ProcedureStepNode,
      WorkInstructionNode,
      MembershipNode,
      UserNode,
      CoverageMappingNode,
    ],
    // Subscriptions bring their own streams (`subscribe`, over services/presentation-events.ts); type-graphql
    // insists on a topic-based PubSub all the same, which nothing uses.
    pubSub: {
      publish: () => {
        throw new Error('Topic-based pub/sub is not used: subscriptions bring their own streams.');
      },
      subscribe: () => {
        throw new Error('Topic-based pub/sub is not used: subscriptions bring their own streams.');
      },
    },
    validate: false,
    emitSchemaFile: false,
  });
  return schema;
}
