/** For command tests: a context that only aliases ids (these commands use their own gateway, not the model). */
import type { CommandContext } from '../commands/command';
import { IdAliases } from '../ids';

export function aliasOnlyContext(): CommandContext {
  const aliases = new IdAliases();
  return {
    get gateway(): never {
      throw new Error('These commands use their own gateway.');
    },
    model() {
      throw new Error('These commands do not read the architecture model.');
    },
    update() {
      throw new Error('These commands do not change the architecture model.');
    },
    resolve: (id) => aliases.resolve(id),
    alias: (oldId, newId) => aliases.alias(oldId, newId),
  };
}
