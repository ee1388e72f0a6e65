/**
 * The GraphQL operations of the procedure views (list, procedure page, RACI edits, derivation). The
 * generated types live in src/gql/ (`pnpm --filter @usm/studio codegen`).
 */
import { graphql } from '../gql';

export const ProcStepRecordFields = graphql(`
  fragment ProcStepRecordFields on ProcedureStep {
    id
    version
    position
    derivedName
    obsolete
    process {
      id
      key
    }
    responsibilities {
      raci
      role {
        id
      }
    }
  }
`);

export const ProcRecordFields = graphql(`
  fragment ProcRecordFields on Procedure {
    id
    name
    version
    steps {
      ...ProcStepRecordFields
    }
  }
`);

export const ProcCompletenessFields = graphql(`
  fragment ProcCompletenessFields on Completeness {
    liveSteps
    whoGaps
    howGaps
    percentComplete
  }
`);

export const ProcProceduresPageQuery = graphql(`
  query ProcProceduresPage($id: ID!) {
    organisation(id: $id) {
      id
      completeness {
        ...ProcCompletenessFields
      }
      processes {
        id
        key
        name
      }
      workflows {
        id
        number
        name
      }
      procedures {
        id
        name
        version
        sourceKind
        sourceProcess {
          id
          key
          name
        }
        sourceWorkflow {
          id
          number
          name
        }
        outOfDate
        completeness {
          ...ProcCompletenessFields
        }
        steps {
          id
          obsolete
        }
      }
    }
  }
`);

export const ProcProcedurePageQuery = graphql(`
  query ProcProcedurePage($id: ID!, $organisationId: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Procedure {
        id
        name
        version
        sourceKind
        sourceProcess {
          id
          key
          name
        }
        sourceWorkflow {
          id
          number
          name
        }
        outOfDate
        outOfDateReasons
        completeness {
          ...ProcCompletenessFields
        }
        steps {
          id
          version
          position
          depth
          derivedName
          obsolete
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
        }
        raciMatrix {
          roles {
            id
            name
          }
          rows {
            step {
              id
            }
            cells {
              raci
              role {
                id
              }
            }
          }
        }
      }
    }
    organisation(id: $organisationId) {
      id
      roles {
        id
        name
      }
    }
  }
`);

export const ProcReadProcedureQuery = graphql(`
  query ProcReadProcedure($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Procedure {
        ...ProcRecordFields
      }
    }
  }
`);

export const ProcReadStepQuery = graphql(`
  query ProcReadStep($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on ProcedureStep {
        ...ProcStepRecordFields
      }
    }
  }
`);

export const ProcDeriveProcedureMutation = graphql(`
  mutation ProcDeriveProcedure($input: DeriveProcedureInput!) {
    deriveProcedure(input: $input) {
      ...ProcRecordFields
    }
  }
`);

export const ProcUpdateProcedureMutation = graphql(`
  mutation ProcUpdateProcedure($input: UpdateProcedureInput!) {
    updateProcedure(input: $input) {
      ...ProcRecordFields
    }
  }
`);

export const ProcDeleteProcedureMutation = graphql(`
  mutation ProcDeleteProcedure($input: DeleteInput!) {
    deleteProcedure(input: $input)
  }
`);

export const ProcAssignResponsibilityMutation = graphql(`
  mutation ProcAssignResponsibility($input: AssignResponsibilityInput!) {
    assignResponsibility(input: $input) {
      ...ProcStepRecordFields
    }
  }
`);

export const ProcAssignRoleToProcessMutation = graphql(`
  mutation ProcAssignRoleToProcess($input: AssignRoleToProcessInput!) {
    assignRoleToProcess(input: $input) {
      ...ProcRecordFields
    }
  }
`);

export const ProcRederiveProcedureMutation = graphql(`
  mutation ProcRederiveProcedure($input: RederiveProcedureInput!) {
    rederiveProcedure(input: $input) {
      ...ProcRecordFields
    }
  }
`);

export const ProcRemoveObsoleteStepMutation = graphql(`
  mutation ProcRemoveObsoleteStep($input: DeleteInput!) {
    removeObsoleteStep(input: $input) {
      ...ProcRecordFields
    }
  }
`);
