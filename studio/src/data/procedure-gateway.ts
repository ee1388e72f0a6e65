/**
 * The procedure commands' gateway over the GraphQL client (like gateway.ts): typed documents in, records
 * out, failures as GatewayError. Reads go to the network, so a command always sends the current version.
 */
import type { Client } from '@urql/core';
import type { ProcedureGateway, ProcedureRecord, StepRecord } from '../core/procedures/gateway';
import type { ProcRecordFieldsFragment, ProcStepRecordFieldsFragment } from '../gql/graphql';
import { requests } from './requests';
import {
  ProcAssignResponsibilityMutation,
  ProcAssignRoleToProcessMutation,
  ProcDeleteProcedureMutation,
  ProcDeriveProcedureMutation,
  ProcReadProcedureQuery,
  ProcReadStepQuery,
  ProcRederiveProcedureMutation,
  ProcRemoveObsoleteStepMutation,
  ProcUpdateProcedureMutation,
} from './procedure-operations';

function stepRecord(step: ProcStepRecordFieldsFragment): StepRecord {
  return {
    id: step.id,
    version: step.version,
    position: step.position,
    name: step.derivedName,
    processKey: step.process.key,
    obsolete: step.obsolete,
    responsibilities: step.responsibilities.map((held) => ({ roleId: held.role.id, raci: held.raci })),
  };
}

function procedureRecord(procedure: ProcRecordFieldsFragment): ProcedureRecord {
  return {
    id: procedure.id,
    name: procedure.name,
    version: procedure.version,
    steps: procedure.steps.map(stepRecord),
  };
}

export function createProcedureGateway(client: Client): ProcedureGateway {
  const { query, mutate } = requests(client);

  return {
    async deriveProcedure(input) {
      return procedureRecord((await mutate(ProcDeriveProcedureMutation, { input })).deriveProcedure);
    },
    async readProcedure(id) {
      const { node } = await query(ProcReadProcedureQuery, { id });
      return node?.__typename === 'Procedure' ? procedureRecord(node) : null;
    },
    async updateProcedure(input) {
      return procedureRecord((await mutate(ProcUpdateProcedureMutation, { input })).updateProcedure);
    },
    async deleteProcedure(input) {
      await mutate(ProcDeleteProcedureMutation, { input });
    },
    async readStep(id) {
      const { node } = await query(ProcReadStepQuery, { id });
      return node?.__typename === 'ProcedureStep' ? stepRecord(node) : null;
    },
    async assignResponsibility(input) {
      return stepRecord((await mutate(ProcAssignResponsibilityMutation, { input })).assignResponsibility);
    },
    async assignRoleToProcess(input) {
      return procedureRecord((await mutate(ProcAssignRoleToProcessMutation, { input })).assignRoleToProcess);
    },
    async rederiveProcedure(procedureId) {
      const input = { procedureId };
      return procedureRecord((await mutate(ProcRederiveProcedureMutation, { input })).rederiveProcedure);
    },
    async removeObsoleteStep(input) {
      return procedureRecord((await mutate(ProcRemoveObsoleteStepMutation, { input })).removeObsoleteStep);
    },
  };
}
