/** The GraphQL operations of the roles-and-tools view (codegen turns them into typed documents in src/gql/). */
import { graphql } from '../gql';

export const CatalogueRoleFields = graphql(`
  fragment CatalogueRoleFields on Role {
    id
    name
    description
    version
  }
`);

export const CatalogueToolFields = graphql(`
  fragment CatalogueToolFields on Tool {
    id
    name
    description
    version
  }
`);

export const CatalogueViewQuery = graphql(`
  query CatalogueView($id: ID!) {
    organisation(id: $id) {
      id
      myRole
      roles {
        ...CatalogueRoleFields
        assignments {
          procedure {
            id
          }
        }
      }
      tools {
        ...CatalogueToolFields
      }
      procedures {
        id
        workInstructions {
          id
          tools {
            id
          }
        }
      }
    }
  }
`);

export const CatalogueImpactQuery = graphql(`
  query CatalogueImpact($id: ID!) {
    impact(id: $id) {
      procedures {
        id
        name
      }
      steps {
        id
      }
      workInstructions {
        id
      }
    }
  }
`);

export const CatalogueEntryQuery = graphql(`
  query CatalogueEntry($id: ID!) {
    node(id: $id) {
      __typename
      ... on Role {
        ...CatalogueRoleFields
      }
      ... on Tool {
        ...CatalogueToolFields
      }
    }
  }
`);

export const CatalogueCreateRoleMutation = graphql(`
  mutation CatalogueCreateRole($input: CreateRoleInput!) {
    createRole(input: $input) {
      ...CatalogueRoleFields
    }
  }
`);

export const CatalogueCreateToolMutation = graphql(`
  mutation CatalogueCreateTool($input: CreateToolInput!) {
    createTool(input: $input) {
      ...CatalogueToolFields
    }
  }
`);

export const CatalogueUpdateRoleMutation = graphql(`
  mutation CatalogueUpdateRole($input: UpdateRoleInput!) {
    updateRole(input: $input) {
      ...CatalogueRoleFields
    }
  }
`);

export const CatalogueUpdateToolMutation = graphql(`
  mutation CatalogueUpdateTool($input: UpdateToolInput!) {
    updateTool(input: $input) {
      ...CatalogueToolFields
    }
  }
`);

export const CatalogueDeleteRoleMutation = graphql(`
  mutation CatalogueDeleteRole($input: DeleteInput!) {
    deleteRole(input: $input)
  }
`);

export const CatalogueDeleteToolMutation = graphql(`
  mutation CatalogueDeleteTool($input: DeleteInput!) {
    deleteTool(input: $input)
  }
`);
