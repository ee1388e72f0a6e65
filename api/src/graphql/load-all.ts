import type DataLoader from 'dataloader';

/** Loads many objects that must exist (ids read from our own rows); a missing one is a bug. */
export async function loadAll<T>(loader: DataLoader<string, T | null>, ids: readonly string[]): Promise<T[]> {
  const loaded = await loader.loadMany(ids);
  return loaded.map((item, index) => {
    if (item instanceof Error) throw item;
    if (item === null) throw new Error(`Object ${ids[index]} vanished while it was being read`);
    return item;
  });
}
