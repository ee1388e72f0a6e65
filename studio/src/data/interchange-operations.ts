/**
 * The GraphQL documents of exports and imports: a generated file (handbook, BPMN, USM-WIF, whole model),
 * what the export panel offers to choose from, the two imports, and the demo organisation's reset.
 */
import { graphql } from '../gql';

export const InterchangeExportQuery = graphql(`
  query InterchangeExport($input: ExportInput!) {
    export(input: $input) {
      fileName
      mediaType
      content
    }
  }
`);

export const InterchangeChoicesQuery = graphql(`
  query InterchangeChoices($id: ID!) {
    organisation(id: $id) {
      id
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
      }
      roles {
        id
        name
      }
    }
  }
`);

export const InterchangeImportWifMutation = graphql(`
  mutation InterchangeImportWif($input: ImportWifInput!) {
    importWif(input: $input) {
      procedure {
        id
        name
        version
      }
      skipped {
        path
        reason
      }
    }
  }
`);

export const InterchangeImportModelMutation = graphql(`
  mutation InterchangeImportModel($input: ImportModelInput!) {
    importModel(input: $input) {
      id
      name
    }
  }
`);

export const InterchangeProcedureQuery = graphql(`
  query InterchangeProcedure($id: ID!) {
    node(id: $id) {
      __typename
      ... on Procedure {
        id
        name
        version
      }
    }
  }
`);

export const InterchangeDeleteProcedureMutation = graphql(`
  mutation InterchangeDeleteProcedure($input: DeleteInput!) {
    deleteProcedure(input: $input)
  }
`);

export const InterchangeDemoQuery = graphql(`
  query InterchangeDemo($id: ID!) {
    organisation(id: $id) {
      id
      demo
      version
    }
  }
`);

export const InterchangeResetDemoMutation = graphql(`
  mutation InterchangeResetDemo($input: ResetDemoOrganisationInput!) {
    resetDemoOrganisation(input: $input) {
      id
      version
      demo
    }
  }
`);
