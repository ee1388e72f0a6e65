/** The GraphQL operations of the members view (codegen turns them into typed documents in src/gql/). */
import { graphql } from '../gql';

export const MemberFields = graphql(`
  fragment MemberFields on Membership {
    id
    role
    version
    user {
      id
      name
      email
    }
  }
`);

export const MembersViewQuery = graphql(`
  query MembersView($id: ID!) {
    organisation(id: $id) {
      id
      myRole
      members {
        ...MemberFields
      }
    }
  }
`);

export const MemberUserByEmailQuery = graphql(`
  query MemberUserByEmail($email: String!) {
    userByEmail(email: $email) {
      id
      name
      email
    }
  }
`);

export const MemberEntryQuery = graphql(`
  query MemberEntry($id: ID!) {
    node(id: $id) {
      __typename
      ... on Membership {
        ...MemberFields
      }
    }
  }
`);

export const MemberAddMutation = graphql(`
  mutation MemberAdd($input: AddMemberInput!) {
    addMember(input: $input) {
      ...MemberFields
    }
  }
`);

export const MemberUpdateMutation = graphql(`
  mutation MemberUpdate($input: UpdateMemberInput!) {
    updateMember(input: $input) {
      ...MemberFields
    }
  }
`);

export const MemberRemoveMutation = graphql(`
  mutation MemberRemove($input: DeleteInput!) {
    removeMember(input: $input)
  }
`);
