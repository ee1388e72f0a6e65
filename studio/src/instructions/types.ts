import type { WiProcedureInstructionsQuery } from '../gql/graphql';

/** The procedure as the view reads it. */
export type ProcedureData = Extract<
  NonNullable<WiProcedureInstructionsQuery['node']>,
  { __typename: 'Procedure' }
>;

export type CompletenessData = ProcedureData['completeness'];

/** One of the organisation's tools. */
export type ToolOption = NonNullable<WiProcedureInstructionsQuery['organisation']>['tools'][number];
