import { registerEnumType } from 'type-graphql';
import { CALL_TYPES, HANDOVER_KINDS, PROCESS_KEYS } from '../../domain/usm';
import { MEMBER_ROLES } from '../../domain/access';
import { RACI_LETTERS } from '../../domain/derivation/responsibilities';
import { PROCEDURE_SOURCE_KINDS } from '../../persistence/entities/procedure';
import { ORGANISATION_TEMPLATES } from '../../services/organisation-template';

function enumObject<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}

export const ProcessKeyEnum = enumObject(PROCESS_KEYS);
export const CallTypeEnum = enumObject(CALL_TYPES);
export const HandoverKindEnum = enumObject(HANDOVER_KINDS);
export const OrganisationTemplateEnum = enumObject(ORGANISATION_TEMPLATES);
export const RaciEnum = enumObject(RACI_LETTERS);
export const MemberRoleEnum = enumObject(MEMBER_ROLES);
export const ProcedureSourceKindEnum = enumObject(PROCEDURE_SOURCE_KINDS);

registerEnumType(ProcessKeyEnum, {
  name: 'ProcessKey',
  description: 'The five USM processes.',
});
registerEnumType(CallTypeEnum, {
  name: 'CallType',
  description: 'The kind of call that starts or continues a workflow; each call type enters one process.',
  valuesConfig: {
    WISH: {
      description: 'Create or adjust a service agreement (enters Agree). A complaint is a kind of wish.',
    },
    RFC: { description: 'A request for a permanent change to the managed infrastructure (enters Change).' },
    INCIDENT: { description: 'Restore the service after a failure or an imminent failure (enters Recover).' },
    SERVICE_REQUEST: {
      description: 'Deliver something within the agreement without a permanent change (enters Operate).',
    },
    RISK: { description: 'A threat or an opportunity, raised proactively (enters Improve).' },
  },
});
registerEnumType(HandoverKindEnum, {
  name: 'HandoverKind',
  valuesConfig: {
    FORK: {
      description:
        'A synchronous call: the caller waits and resumes at its next step when the called process completes.',
    },
    SPAWN: { description: 'A new, independent call: the caller does not wait.' },
  },
});
registerEnumType(OrganisationTemplateEnum, {
  name: 'OrganisationTemplate',
  valuesConfig: {
    USM_REFERENCE: {
      description:
        'The five processes with the USM reference steps, hand-overs, eight workflows and the four USM profiles as roles.',
    },
    EMPTY: {
      description:
        'The five processes without activities, and the eight workflows (which then expand to no steps).',
    },
    USM_DEMO: {
      description:
        'A demo organisation for training: USM_REFERENCE plus sample content written by us (sample roles and ' +
        'tools, procedures for the five processes and workflow 3 with RACI filled in, work instructions for ' +
        'the Recover procedure). Not USM content; `resetDemoOrganisation` restores it.',
    },
  },
});
registerEnumType(RaciEnum, {
  name: 'Raci',
  description: 'Responsibility letters: exactly one Accountable and at least one Responsible per step.',
  valuesConfig: {
    R: { description: 'Responsible: does the work.' },
    A: { description: 'Accountable: answers for the result; one per step.' },
    C: { description: 'Consulted: asked before or during the work.' },
    I: { description: 'Informed: told about the result.' },
  },
});
registerEnumType(ProcedureSourceKindEnum, {
  name: 'ProcedureSourceKind',
  valuesConfig: {
    PROCESS: { description: 'Derived from the activities of one process.' },
    WORKFLOW: { description: 'Derived from the expanded path of one of the eight workflows.' },
  },
});
registerEnumType(MemberRoleEnum, {
  name: 'MemberRole',
  valuesConfig: {
    OWNER: { description: 'Everything, including managing members and deleting the organisation.' },
    ARCHITECT: { description: 'Reads and edits the model, derives procedures and work instructions.' },
    TRAINER: {
      description: 'Reads the model (walkthroughs and demo organisations arrive with the trainer issue).',
    },
    VIEWER: { description: 'Reads the model.' },
  },
});
