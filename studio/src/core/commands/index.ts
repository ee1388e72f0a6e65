export { AddActivity } from './add-activity';
export { AddHandover } from './add-handover';
export { ArrangeProcesses } from './arrange-processes';
export { Batch } from './batch';
export type { Command, CommandContext, CommandName } from './command';
export { DeleteActivity } from './delete-activity';
export { DeleteHandover } from './delete-handover';
export { MoveActivity } from './move-activity';
export { RenameActivity } from './rename-activity';
