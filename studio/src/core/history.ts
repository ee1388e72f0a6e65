/**
 * The undo and redo stacks. Only commands enter them: loads, selection, pan and zoom never do. A new
 * edit clears the redo stack; the oldest entries fall off past the limit.
 */
import type { Command } from './commands';

export class CommandHistory {
  private readonly done: Command[] = [];
  private readonly undone: Command[] = [];

  constructor(private readonly limit = 100) {}

  /** A command that has just executed. */
  record(command: Command): void {
    this.done.push(command);
    this.undone.length = 0;
    if (this.done.length > this.limit) this.done.shift();
  }

  /** The command Ctrl+Z would undo. */
  nextUndo(): Command | undefined {
    return this.done[this.done.length - 1];
  }

  /** The command Ctrl+Shift+Z would redo. */
  nextRedo(): Command | undefined {
    return this.undone[this.undone.length - 1];
  }

  /** After `nextUndo()` was undone successfully. */
  markUndone(): void {
    const command = this.done.pop();
    if (command) this.undone.push(command);
  }

  /** After `nextRedo()` was redone successfully. */
  markRedone(): void {
    const command = this.undone.pop();
    if (command) this.done.push(command);
  }

  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
  }

  get undoCount(): number {
    return this.done.length;
  }

  get redoCount(): number {
    return this.undone.length;
  }
}
