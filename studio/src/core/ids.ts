/**
 * Undo and redo can only re-create what was deleted: the API gives the new object a new id (the deleted
 * one stays behind as a tombstone). Commands keep the id they first knew and look up the current one here,
 * so a command further down the history still finds "its" activity after an undo re-created it.
 */
export class IdAliases {
  private readonly next = new Map<string, string>();

  /** The id that `id` goes by now. */
  resolve(id: string): string {
    let current = id;
    const seen = new Set<string>();
    while (this.next.has(current) && !seen.has(current)) {
      seen.add(current);
      current = this.next.get(current)!;
    }
    return current;
  }

  /** Records that the object known as `oldId` was re-created as `newId`. */
  alias(oldId: string, newId: string): void {
    const from = this.resolve(oldId);
    if (from !== newId) this.next.set(from, newId);
  }

  clear(): void {
    this.next.clear();
  }
}
