/**
 * The GraphQL documents of the coverage view: the report for one framework (every item, covered or not,
 * with its mappings), the workflows a mapping may point at, and mapping / unmapping.
 */
import { graphql } from '../gql';

export const CoverageMappingFields = graphql(`
  fragment CoverageMappingFields on CoverageMapping {
    id
    version
    framework
    rationale
    item {
      key
      title
    }
    activity {
      id
      name
      deleted
      process {
        id
        key
        name
      }
    }
    workflow {
      id
      number
      name
    }
  }
`);

export const CoverageReportQuery = graphql(`
  query CoverageReport($id: ID!, $framework: Framework!) {
    organisation(id: $id) {
      id
      workflows {
        id
        number
        name
      }
      coverage(framework: $framework) {
        framework
        coveredCount
        totalCount
        note
        lines {
          covered
          item {
            framework
            key
            title
            group
          }
          mappings {
            ...CoverageMappingFields
          }
        }
      }
    }
  }
`);

export const CoverageMappingQuery = graphql(`
  query CoverageMapping($id: ID!) {
    node(id: $id) {
      __typename
      ... on CoverageMapping {
        ...CoverageMappingFields
      }
    }
  }
`);

export const MapCoverageMutation = graphql(`
  mutation MapCoverage($input: MapCoverageInput!) {
    mapCoverage(input: $input) {
      ...CoverageMappingFields
    }
  }
`);

export const UnmapCoverageMutation = graphql(`
  mutation UnmapCoverage($input: DeleteInput!) {
    unmapCoverage(input: $input)
  }
`);
