/**
 * Tells followers of a presentation that it moved or ended. An interface with publish and subscribe only,
 * and no GraphQL in it: this process's implementation is below; one over PostgreSQL LISTEN/NOTIFY can
 * replace it when several API processes serve the same presentations. The event is small on purpose (a
 * NOTIFY payload is limited): followers read the presentation's current state themselves.
 */
export interface PresentationEvent {
  presentationId: string;
  /** The version after the change: followers skip events older than what they have shown. */
  version: number;
  /** False once the presentation has ended: followers finish. */
  live: boolean;
}

export type PresentationListener = (event: PresentationEvent) => void;

export interface PresentationEvents {
  /** Called after the change is committed. */
  publish(event: PresentationEvent): Promise<void>;
  /** Listens to one presentation's events until the returned function is called. */
  subscribe(presentationId: string, listener: PresentationListener): () => void;
}

/** Events within this process: enough while one API process serves all followers. */
export class InProcessPresentationEvents implements PresentationEvents {
  private readonly listeners = new Map<string, Set<PresentationListener>>();

  async publish(event: PresentationEvent): Promise<void> {
    for (const listener of [...(this.listeners.get(event.presentationId) ?? [])]) listener(event);
  }

  subscribe(presentationId: string, listener: PresentationListener): () => void {
    const listeners = this.listeners.get(presentationId) ?? new Set();
    listeners.add(listener);
    this.listeners.set(presentationId, listeners);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.listeners.get(presentationId) === listeners) {
        this.listeners.delete(presentationId);
      }
    };
  }

  /** How many presentations have listeners (tests: nothing leaks after followers leave). */
  followedPresentations(): number {
    return this.listeners.size;
  }
}
