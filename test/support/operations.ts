/** GraphQL documents the API tests share. */
export const CREATE_ORGANISATION = /* GraphQL */ `
  mutation CreateOrganisation($name: String!, $template: OrganisationTemplate) {
    createOrganisation(input: { name: $name, template: $template }) {
      id
      name
      version
    }
  }
`;

export const WHOLE_MODEL = /* GraphQL */ `
  query WholeModel($id: ID!) {
    organisation(id: $id) {
      id
      name
      version
      processes {
        id
        key
        name
        version
        activities {
          id
          name
          description
          position
          version
          handovers {
            id
            callType
            kind
            target {
              key
            }
          }
        }
      }
      workflows {
        id
        number
        name
        trigger
        steps {
          position
          depth
          process {
            key
          }
          activity {
            id
            name
          }
        }
      }
      roles {
        id
        name
      }
      tools {
        id
        name
      }
    }
  }
`;

export interface ModelActivity {
  id: string;
  name: string;
  description: string;
  position: number;
  version: number;
  handovers: { id: string; callType: string; kind: string; target: { key: string } }[];
}

export interface ModelProcess {
  id: string;
  key: string;
  name: string;
  version: number;
  activities: ModelActivity[];
}

export interface WholeModel {
  organisation: {
    id: string;
    name: string;
    version: number;
    processes: ModelProcess[];
    workflows: {
      id: string;
      number: number;
      name: string;
      trigger: string;
      steps: {
        position: number;
        depth: number;
        process: { key: string };
        activity: { id: string; name: string };
      }[];
    }[];
    roles: { id: string; name: string }[];
    tools: { id: string; name: string }[];
  } | null;
}
