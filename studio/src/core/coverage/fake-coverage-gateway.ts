/** An in-memory stand-in for the API's coverage mappings, for core tests: new ids, versions, CONFLICT. */
import { GatewayError } from '../errors';
import type { CoverageGateway, MapCoverageInput, MappingRecord } from './gateway';

export class FakeCoverageGateway implements CoverageGateway {
  readonly mappings = new Map<string, MappingRecord>();
  readonly calls: { method: string; input: unknown }[] = [];
  private nextId = 1;

  async map(input: MapCoverageInput): Promise<MappingRecord> {
    this.calls.push({ method: 'map', input });
    if (!input.rationale.trim()) throw new GatewayError('BAD_USER_INPUT', 'A rationale is required.');
    if (!!input.activityId === !!input.workflowId) {
      throw new GatewayError('BAD_USER_INPUT', 'Give exactly one of activityId and workflowId.');
    }
    const mapping: MappingRecord = {
      id: `mapping-${this.nextId++}`,
      version: 1,
      framework: input.framework,
      itemKey: input.itemKey,
      activityId: input.activityId ?? null,
      workflowId: input.workflowId ?? null,
      rationale: input.rationale,
    };
    this.mappings.set(mapping.id, mapping);
    return { ...mapping };
  }

  async unmap(input: { id: string; version: number }): Promise<void> {
    this.calls.push({ method: 'unmap', input });
    const mapping = this.mappings.get(input.id);
    if (!mapping) throw new GatewayError('NOT_FOUND', `No mapping ${input.id}.`);
    if (mapping.version !== input.version) {
      throw new GatewayError('CONFLICT', 'Stale version.', { currentVersion: mapping.version });
    }
    this.mappings.delete(input.id);
  }

  async readMapping(id: string): Promise<MappingRecord | null> {
    const mapping = this.mappings.get(id);
    return mapping ? { ...mapping } : null;
  }

  /** Someone else edits the mapping (its version goes up). */
  touch(id: string): void {
    const mapping = this.mappings.get(id)!;
    this.mappings.set(id, { ...mapping, version: mapping.version + 1 });
  }
}
