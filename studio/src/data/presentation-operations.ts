/**
 * Presentations: the trainer starts, moves and ends one; trainees read it with the share token
 * (`Authorization: Share <token>`) and follow it over the WebSocket (`presentationMoved`).
 */
import { graphql } from '../gql';

export const PresentationFields = graphql(`
  fragment PresentationFields on Presentation {
    id
    version
    mode
    workflowNumber
    step
    live
    procedure {
      id
    }
  }
`);

export const StartPresentationMutation = graphql(`
  mutation StartPresentation($input: StartPresentationInput!) {
    startPresentation(input: $input) {
      shareToken
      sharePath
      presentation {
        ...PresentationFields
      }
    }
  }
`);

export const MovePresentationMutation = graphql(`
  mutation MovePresentation($input: MovePresentationInput!) {
    movePresentation(input: $input) {
      ...PresentationFields
    }
  }
`);

export const EndPresentationMutation = graphql(`
  mutation EndPresentation($input: DeleteInput!) {
    endPresentation(input: $input)
  }
`);

export const PresentationQuery = graphql(`
  query Presentation($id: ID!) {
    presentation(id: $id) {
      ...PresentationFields
    }
  }
`);

export const SharedPresentationQuery = graphql(`
  query SharedPresentation {
    sharedPresentation {
      ...PresentationFields
      organisation {
        id
        name
      }
    }
  }
`);

export const PresentationMovedSubscription = graphql(`
  subscription PresentationMoved($id: ID!) {
    presentationMoved(id: $id) {
      ...PresentationFields
    }
  }
`);
