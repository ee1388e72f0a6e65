/**
 * The GraphQL documents of the walkthroughs (trainer mode): the workflows with their expanded paths (the
 * API's expansion, never recomputed), and one procedure with its roles and work instructions for the
 * derivation walkthrough. Trainees read them too, with a share token.
 */
import { graphql } from '../gql';

export const TrainerWorkflowsQuery = graphql(`
  query TrainerWorkflows($id: ID!) {
    organisation(id: $id) {
      id
      workflows {
        id
        number
        name
        trigger
        startProcess {
          id
          name
        }
        steps {
          position
          depth
          activity {
            id
            name
            description
          }
          process {
            id
            key
            name
            purpose
          }
        }
      }
    }
  }
`);

export const TrainerProceduresQuery = graphql(`
  query TrainerProcedures($id: ID!) {
    organisation(id: $id) {
      id
      procedures {
        id
        name
        sourceKind
        sourceProcess {
          id
          name
        }
        sourceWorkflow {
          id
          number
          name
        }
      }
    }
  }
`);

export const TrainerDerivationQuery = graphql(`
  query TrainerDerivation($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Procedure {
        name
        sourceKind
        sourceProcess {
          id
          name
          purpose
        }
        sourceWorkflow {
          id
          number
          name
        }
        steps {
          id
          position
          depth
          obsolete
          derivedName
          activity {
            id
            description
          }
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
            id
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
        }
      }
    }
  }
`);
