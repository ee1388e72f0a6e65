import type { TrainerDerivationQuery, TrainerWorkflowsQuery } from '../gql/graphql';

/** One workflow with its expanded path, as the walkthrough reads it. */
export type TrainerWorkflow = NonNullable<TrainerWorkflowsQuery['organisation']>['workflows'][number];

export type TrainerProcedure = Extract<
  NonNullable<TrainerDerivationQuery['node']>,
  { __typename: 'Procedure' }
>;
