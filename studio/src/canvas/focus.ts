/** Moves keyboard focus to a node of the canvas (after a search, a rename, an added activity). */
export function focusNode(id: string): void {
  requestAnimationFrame(() => {
    const element = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
    element?.focus({ preventScroll: true });
  });
}

/** True when a key press is meant for a text field, not for the editor's shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
