/** GraphQL documents and helpers for the derivation tests. */
export const PROCEDURE_FIELDS = /* GraphQL */ `
  id
  name
  version
  sourceKind
  outOfDate
  outOfDateReasons
  steps {
    id
    position
    depth
    obsolete
    version
    activity { id name deleted }
    process { key }
    responsibilities { role { id name } raci }
  }
  workInstructions { id version obsolete text step { id } role { id name } tools { id name } }
  completeness { liveSteps whoGaps howGaps percentComplete whoGapSteps { id } howGapSteps { id } }
`;

export const DERIVE = /* GraphQL */ `
  mutation Derive($input: DeriveProcedureInput!) { deriveProcedure(input: $input) { ${PROCEDURE_FIELDS} } }
`;
export const REDERIVE = /* GraphQL */ `
  mutation Rederive($id: ID!) { rederiveProcedure(input: { procedureId: $id }) { ${PROCEDURE_FIELDS} } }
`;
export const READ_PROCEDURE = /* GraphQL */ `
  query Read($id: ID!) { node(id: $id) { ... on Procedure { ${PROCEDURE_FIELDS} } } }
`;
export const ASSIGN = /* GraphQL */ `
  mutation Assign($input: AssignResponsibilityInput!) {
    assignResponsibility(input: $input) {
      id
      version
      responsibilities {
        role {
          id
          name
        }
        raci
      }
    }
  }
`;
export const ASSIGN_ROLE_TO_PROCESS = /* GraphQL */ `
  mutation AssignRole($input: AssignRoleToProcessInput!) {
    assignRoleToProcess(input: $input) {
      id
    }
  }
`;
export const DERIVE_INSTRUCTIONS = /* GraphQL */ `
  mutation DeriveInstructions($input: DeriveWorkInstructionsInput!) {
    deriveWorkInstructions(input: $input) { ${PROCEDURE_FIELDS} }
  }
`;
export const UPDATE_INSTRUCTION = /* GraphQL */ `
  mutation UpdateInstruction($input: UpdateWorkInstructionInput!) {
    updateWorkInstruction(input: $input) {
      id
      version
      text
      tools {
        id
        name
      }
    }
  }
`;

export interface ProcedureView {
  id: string;
  name: string;
  version: number;
  sourceKind: string;
  outOfDate: boolean;
  outOfDateReasons: string[];
  steps: {
    id: string;
    position: number;
    depth: number;
    obsolete: boolean;
    version: number;
    activity: { id: string; name: string; deleted: boolean };
    process: { key: string };
    responsibilities: { role: { id: string; name: string }; raci: string[] }[];
  }[];
  workInstructions: {
    id: string;
    version: number;
    obsolete: boolean;
    text: string;
    step: { id: string };
    role: { id: string; name: string };
    tools: { id: string; name: string }[];
  }[];
  completeness: {
    liveSteps: number;
    whoGaps: number;
    howGaps: number;
    percentComplete: number;
    whoGapSteps: { id: string }[];
    howGapSteps: { id: string }[];
  };
}
