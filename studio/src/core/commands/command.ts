/**
 * Every edit of the model is a named command that can be undone and redone (bpmn-js's command stack, made
 * asynchronous: each step is saved through the API before the next one starts). A command records what it
 * needs for its undo while it executes, reads the version of what it edits from the model at that moment
 * and sends it, so a stale edit fails with CONFLICT instead of overwriting someone else's change.
 */
import { ConflictError, GatewayError, MissingObjectError } from '../errors';
import type { ModelGateway } from '../gateway';
import type { ActivityEntry, ArchitectureModel, HandoverEntry } from '../model';

/**
 * The command's kind, e.g. 'RenameActivity' or 'AssignResponsibility'. Commands of the other views
 * (procedures, roles and tools, members) live beside their views' core and share this one history.
 */
export type CommandName = string;

/** What a command may use: the API, the current model, and the ids of re-created objects. */
export interface CommandContext {
  readonly gateway: ModelGateway;
  model(): ArchitectureModel;
  /** Replaces the model with what the API answered. */
  update(change: (model: ArchitectureModel) => ArchitectureModel): void;
  /** The id an object goes by now (undo may have re-created it under a new id). */
  resolve(id: string): string;
  alias(oldId: string, newId: string): void;
}

export interface Command {
  readonly name: CommandName;
  /** Describes the edit for menus, tooltips and error messages, e.g. 'Rename “Classify” to “Triage”'. */
  readonly label: string;
  execute(context: CommandContext): Promise<void>;
  undo(context: CommandContext): Promise<void>;
  redo(context: CommandContext): Promise<void>;
  /**
   * Before "Reload and apply my edit" runs a command that failed with CONFLICT again: re-read the version of
   * what it edits (commands that read versions from the architecture model need nothing: it was reloaded).
   */
  prepareRetry?(): Promise<void>;
}

export function activityOrFail(context: CommandContext, id: string): ActivityEntry {
  const activity = context.model().activities[context.resolve(id)];
  if (!activity) throw new MissingObjectError('The activity no longer exists: someone may have deleted it.');
  return activity;
}

export function handoverOrFail(context: CommandContext, id: string): HandoverEntry {
  const handover = context.model().handovers[context.resolve(id)];
  if (!handover) throw new MissingObjectError('The hand-over no longer exists: someone may have deleted it.');
  return handover;
}

/** Runs a versioned API call; a stale version becomes a ConflictError that says what was not saved. */
export async function sendVersioned<T>(
  edit: string,
  objectName: string,
  version: number,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof GatewayError && error.code === 'CONFLICT') {
      throw new ConflictError(edit, objectName, version, error.details.currentVersion ?? null);
    }
    throw error;
  }
}

export function quoted(name: string): string {
  return `“${name}”`;
}
