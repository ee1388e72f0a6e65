export { AssignResponsibility } from './assign-responsibility';
export { AssignRoleToProcess } from './assign-role-to-process';
export { DeriveProcedure, type ProcedureSource } from './derive-procedure';
export { PROCEDURE_NAME_MAX, RenameProcedure } from './rename-procedure';
