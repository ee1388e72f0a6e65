/**
 * Every GraphQL operation the studio sends. graphql-codegen reads this file and generates the typed
 * documents and result types in src/gql/ (`pnpm --filter @usm/studio codegen`); never write response types
 * by hand.
 */
import { graphql } from '../gql';

export const UserFields = graphql(`
  fragment UserFields on User {
    id
    email
    name
    administrator
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      ...UserFields
    }
  }
`);

export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      user {
        ...UserFields
      }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export const OrganisationSummaryFields = graphql(`
  fragment OrganisationSummaryFields on Organisation {
    id
    name
    myRole
    version
    createdAt
  }
`);

export const OrganisationsQuery = graphql(`
  query Organisations($first: Int, $after: String) {
    organisations(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...OrganisationSummaryFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CreateOrganisationMutation = graphql(`
  mutation CreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      ...OrganisationSummaryFields
    }
  }
`);

export const HandoverFields = graphql(`
  fragment HandoverFields on Handover {
    id
    callType
    kind
    version
    target {
      id
      key
    }
  }
`);

export const ActivityFields = graphql(`
  fragment ActivityFields on Activity {
    id
    name
    description
    position
    version
    handovers {
      ...HandoverFields
    }
  }
`);

export const ProcessFields = graphql(`
  fragment ProcessFields on Process {
    id
    key
    name
    purpose
    version
    activities {
      ...ActivityFields
    }
  }
`);

export const OrganisationModelQuery = graphql(`
  query OrganisationModel($id: ID!) {
    organisation(id: $id) {
      id
      name
      version
      myRole
      canvasArrangement
      processes {
        ...ProcessFields
      }
    }
  }
`);

export const ProcessQuery = graphql(`
  query Process($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Process {
        ...ProcessFields
      }
    }
  }
`);

export const CreateActivityMutation = graphql(`
  mutation CreateActivity($input: CreateActivityInput!) {
    createActivity(input: $input) {
      id
      process {
        ...ProcessFields
      }
    }
  }
`);

export const UpdateActivityMutation = graphql(`
  mutation UpdateActivity($input: UpdateActivityInput!) {
    updateActivity(input: $input) {
      id
      process {
        ...ProcessFields
      }
    }
  }
`);

export const DeleteActivityMutation = graphql(`
  mutation DeleteActivity($input: DeleteInput!) {
    deleteActivity(input: $input)
  }
`);

export const CreateHandoverMutation = graphql(`
  mutation CreateHandover($input: CreateHandoverInput!) {
    createHandover(input: $input) {
      ...HandoverFields
      from {
        id
      }
    }
  }
`);

export const DeleteHandoverMutation = graphql(`
  mutation DeleteHandover($input: DeleteInput!) {
    deleteHandover(input: $input)
  }
`);

export const ArrangeCanvasMutation = graphql(`
  mutation ArrangeCanvas($input: ArrangeCanvasInput!) {
    arrangeCanvas(input: $input) {
      id
      version
      canvasArrangement
    }
  }
`);
