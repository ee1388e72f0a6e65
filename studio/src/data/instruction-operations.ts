/**
 * The GraphQL documents of the work-instruction view (HOW) and its commands; `pnpm --filter @usm/studio
 * codegen` generates their types into src/gql/.
 */
import { graphql } from '../gql';

export const WiCompletenessFields = graphql(`
  fragment WiCompletenessFields on Completeness {
    liveSteps
    whoGaps
    howGaps
    percentComplete
  }
`);

/** A work instruction as the view shows it. */
export const WiInstructionFields = graphql(`
  fragment WiInstructionFields on WorkInstruction {
    id
    version
    text
    obsolete
    role {
      id
      name
    }
    tools {
      id
      name
    }
  }
`);

/** A work instruction as the commands see it (InstructionSnapshot). */
export const WiSnapshotFields = graphql(`
  fragment WiSnapshotFields on WorkInstruction {
    ...WiInstructionFields
    step {
      id
    }
  }
`);

export const WiProcedureInstructionsQuery = graphql(`
  query WiProcedureInstructions($procedureId: ID!, $organisationId: ID!) {
    node(id: $procedureId) {
      __typename
      id
      ... on Procedure {
        name
        version
        completeness {
          ...WiCompletenessFields
        }
        steps {
          id
          version
          position
          depth
          obsolete
          derivedName
          process {
            id
            key
            name
          }
          responsibilities {
            raci
            role {
              id
              name
            }
          }
          workInstructions {
            ...WiInstructionFields
          }
        }
      }
    }
    organisation(id: $organisationId) {
      id
      completeness {
        ...WiCompletenessFields
      }
      tools {
        id
        name
        description
      }
    }
  }
`);

export const WiWorkInstructionsQuery = graphql(`
  query WiWorkInstructions($procedureId: ID!) {
    node(id: $procedureId) {
      __typename
      id
      ... on Procedure {
        workInstructions {
          ...WiSnapshotFields
        }
      }
    }
  }
`);

export const WiWorkInstructionQuery = graphql(`
  query WiWorkInstruction($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on WorkInstruction {
        ...WiSnapshotFields
      }
    }
  }
`);

export const WiDeriveWorkInstructionsMutation = graphql(`
  mutation WiDeriveWorkInstructions($input: DeriveWorkInstructionsInput!) {
    deriveWorkInstructions(input: $input) {
      id
      version
      workInstructions {
        ...WiSnapshotFields
      }
    }
  }
`);

export const WiAssignToolToProcessMutation = graphql(`
  mutation WiAssignToolToProcess($input: AssignToolToProcessInput!) {
    assignToolToProcess(input: $input) {
      id
      version
      workInstructions {
        ...WiSnapshotFields
      }
    }
  }
`);

export const WiUpdateWorkInstructionMutation = graphql(`
  mutation WiUpdateWorkInstruction($input: UpdateWorkInstructionInput!) {
    updateWorkInstruction(input: $input) {
      ...WiSnapshotFields
    }
  }
`);

export const WiDeleteWorkInstructionMutation = graphql(`
  mutation WiDeleteWorkInstruction($input: DeleteInput!) {
    deleteWorkInstruction(input: $input)
  }
`);
