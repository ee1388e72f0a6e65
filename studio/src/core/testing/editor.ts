/**
 * Test helpers: a bare command context (just the model, the fake API and id aliases, as bpmn-js tests build
 * an editor from only the modules they need), or a whole editor store, opened on a fake gateway.
 */
import type { CommandContext } from '../commands';
import { IdAliases } from '../ids';
import { modelFromOrganisation, type ArchitectureModel } from '../model';
import { createEditorStore, type EditorStore } from '../store';
import type { ProcessKey } from '../usm';
import { referenceLikeGateway, type FakeGateway } from './fake-gateway';

export async function serverModel(gateway: FakeGateway): Promise<ArchitectureModel> {
  return modelFromOrganisation((await gateway.loadOrganisation(gateway.organisationId))!);
}

export function namesIn(model: ArchitectureModel, key: ProcessKey): string[] {
  return model.processes[model.processIdByKey[key]]!.activityIds.map((id) => model.activities[id]!.name);
}

export function activityIdIn(model: ArchitectureModel, name: string): string {
  const found = Object.values(model.activities).find((activity) => activity.name === name);
  if (!found) throw new Error(`The model has no activity named ${name}`);
  return found.id;
}

export async function commandContext(gateway: FakeGateway = referenceLikeGateway()) {
  const aliases = new IdAliases();
  let model = await serverModel(gateway);
  const context: CommandContext = {
    gateway,
    model: () => model,
    update: (change) => {
      model = change(model);
    },
    resolve: (id) => aliases.resolve(id),
    alias: (oldId, newId) => aliases.alias(oldId, newId),
  };
  return {
    context,
    gateway,
    model: () => model,
    names: (key: ProcessKey) => namesIn(model, key),
    idOf: (name: string) => activityIdIn(model, name),
  };
}

export async function openEditor(gateway: FakeGateway = referenceLikeGateway()) {
  const store: EditorStore = createEditorStore(gateway);
  await store.getState().open(gateway.organisationId);
  return {
    store,
    gateway,
    state: () => store.getState(),
    names: (key: ProcessKey) => namesIn(store.getState().model!, key),
    idOf: (name: string) => activityIdIn(store.getState().model!, name),
  };
}
