/**
 * The coverage commands' gateway over the GraphQL client: typed documents in, plain mapping records out,
 * failures as GatewayError. Reads go to the network (a command must see the version the server holds now).
 */
import type { Client } from '@urql/core';
import type { CoverageGateway, MappingRecord } from '../core/coverage/gateway';
import type { CoverageMappingFieldsFragment } from '../gql/graphql';
import { CoverageMappingQuery, MapCoverageMutation, UnmapCoverageMutation } from './coverage-operations';
import { requests } from './requests';

function record(mapping: CoverageMappingFieldsFragment): MappingRecord {
  return {
    id: mapping.id,
    version: mapping.version,
    framework: mapping.framework,
    itemKey: mapping.item.key,
    activityId: mapping.activity?.id ?? null,
    workflowId: mapping.workflow?.id ?? null,
    rationale: mapping.rationale,
  };
}

export function createCoverageGateway(client: Client): CoverageGateway {
  const { query, mutate } = requests(client);
  return {
    async map(input) {
      return record((await mutate(MapCoverageMutation, { input })).mapCoverage);
    },
    async unmap(input) {
      await mutate(UnmapCoverageMutation, { input });
    },
    async readMapping(id) {
      const { node } = await query(CoverageMappingQuery, { id });
      return node?.__typename === 'CoverageMapping' ? record(node) : null;
    },
  };
}
