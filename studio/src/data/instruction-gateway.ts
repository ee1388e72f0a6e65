/**
 * The work-instruction commands' gateway over the GraphQL client (see gateway.ts): typed documents in,
 * InstructionSnapshots out, failures as GatewayError. Reads go to the network, so a command's undo always
 * sees the instruction as the server has it now.
 */
import type { Client } from '@urql/core';
import { GatewayError } from '../core/errors';
import type { InstructionGateway, InstructionSnapshot } from '../core/instructions/gateway';
import type { WiSnapshotFieldsFragment } from '../gql/graphql';
import { requests } from './requests';
import {
  WiAssignToolToProcessMutation,
  WiDeleteWorkInstructionMutation,
  WiDeriveWorkInstructionsMutation,
  WiUpdateWorkInstructionMutation,
  WiWorkInstructionQuery,
  WiWorkInstructionsQuery,
} from './instruction-operations';

function snapshot(instruction: WiSnapshotFieldsFragment): InstructionSnapshot {
  return {
    id: instruction.id,
    version: instruction.version,
    stepId: instruction.step.id,
    roleId: instruction.role.id,
    text: instruction.text,
    toolIds: instruction.tools.map((tool) => tool.id),
    obsolete: instruction.obsolete,
  };
}

export function createInstructionGateway(client: Client): InstructionGateway {
  const { query, mutate } = requests(client);

  return {
    async workInstructions(procedureId) {
      const { node } = await query(WiWorkInstructionsQuery, { procedureId });
      if (node?.__typename !== 'Procedure') throw new GatewayError('NOT_FOUND', 'The procedure no longer exists.');
      return node.workInstructions.map(snapshot);
    },
    async workInstruction(id) {
      const { node } = await query(WiWorkInstructionQuery, { id });
      return node?.__typename === 'WorkInstruction' ? snapshot(node) : null;
    },
    async deriveWorkInstructions(procedureId) {
      const { deriveWorkInstructions } = await mutate(WiDeriveWorkInstructionsMutation, {
        input: { procedureId },
      });
      return deriveWorkInstructions.workInstructions.map(snapshot);
    },
    async assignToolToProcess(input) {
      const { assignToolToProcess } = await mutate(WiAssignToolToProcessMutation, { input });
      return assignToolToProcess.workInstructions.map(snapshot);
    },
    async updateWorkInstruction(input) {
      const { updateWorkInstruction } = await mutate(WiUpdateWorkInstructionMutation, {
        input: { ...input, toolIds: [...input.toolIds] },
      });
      return snapshot(updateWorkInstruction);
    },
    async deleteWorkInstruction(input) {
      await mutate(WiDeleteWorkInstructionMutation, { input });
    },
  };
}
