/** The organisation's eight workflows with their expanded paths (the API's expansion; never recomputed here). */
import { graphql } from '../gql';

export const OrganisationWorkflowsQuery = graphql(`
  query OrganisationWorkflows($id: ID!) {
    organisation(id: $id) {
      id
      workflows {
        id
        number
        name
        trigger
        reactive
        startProcess {
          id
          key
          name
        }
        steps {
          position
          depth
          activity {
            id
            name
          }
          process {
            id
            key
            name
          }
        }
      }
    }
  }
`);
