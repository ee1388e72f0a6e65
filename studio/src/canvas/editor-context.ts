import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { EditorActions, EditorState, EditorStore } from '../core/store';

export const EditorStoreContext = createContext<EditorStore | null>(null);

export function useEditorStore(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('The editor store is missing: wrap the page in EditorStoreContext.');
  return store;
}

/** Subscribes to one slice of the editor state (use useShallow for objects). */
export function useEditor<T>(selector: (state: EditorState & EditorActions) => T): T {
  return useStore(useEditorStore(), selector);
}
