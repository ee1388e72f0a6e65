import { EntitySchema, type Rel } from '@mikro-orm/core';
import { Role, Tool } from './catalog';
import { versionedProperties, VersionedEntity } from './base';
import { Organisation } from './organisation';
import { Procedure } from './procedure';
import { ProcedureStep } from './procedure-step';

/** HOW one Responsible role carries out one procedure step: the tools it uses and a Markdown text. */
export class WorkInstruction extends VersionedEntity<'text'> {
  organisation!: Rel<Organisation>;
  procedure!: Rel<Procedure>;
  step!: Rel<ProcedureStep>;
  role!: Rel<Role>;
  text: string = '';
}

export const WorkInstructionSchema = new EntitySchema<WorkInstruction>({
  class: WorkInstruction,
  tableName: 'work_instruction',
  properties: {
    ...versionedProperties,
    organisation: { kind: 'm:1', entity: () => Organisation, deleteRule: 'cascade' },
    procedure: { kind: 'm:1', entity: () => Procedure, deleteRule: 'cascade' },
    step: { kind: 'm:1', entity: () => ProcedureStep, deleteRule: 'cascade' },
    role: { kind: 'm:1', entity: () => Role, deleteRule: 'no action' },
    text: { type: 'text', default: '' },
  },
  uniques: [{ properties: ['step', 'role'] }],
  indexes: [{ properties: ['procedure'] }, { properties: ['role'] }, { properties: ['organisation'] }],
});

/** A tool used by a work instruction. */
export class WorkInstructionTool {
  workInstruction!: Rel<WorkInstruction>;
  tool!: Rel<Tool>;
}

export const WorkInstructionToolSchema = new EntitySchema<WorkInstructionTool>({
  class: WorkInstructionTool,
  tableName: 'work_instruction_tool',
  properties: {
    workInstruction: { kind: 'm:1', entity: () => WorkInstruction, primary: true, deleteRule: 'cascade' },
    tool: { kind: 'm:1', entity: () => Tool, primary: true, deleteRule: 'no action' },
  },
  indexes: [{ properties: ['tool'] }],
});
