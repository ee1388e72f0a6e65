/**
 * The coverage edits as commands: map an item to an activity or a workflow (undo removes the mapping) and
 * remove a mapping (undo maps it again). The API never reuses an id: a mapping made again is aliased from
 * its first id, so later commands in the history still find it. Both read the mapping's version from the
 * server when they send it.
 */
import { quoted, sendVersioned, type Command, type CommandContext } from '../commands/command';
import { MissingObjectError, RuleViolation } from '../errors';
import { decodeTarget, mappingProblem, RATIONALE_MAX } from './coverage';
import type { CoverageGateway, Framework, MapCoverageInput, MappingRecord } from './gateway';

async function mappingOrFail(gateway: CoverageGateway, id: string): Promise<MappingRecord> {
  const mapping = await gateway.readMapping(id);
  if (!mapping) throw new MissingObjectError('The mapping no longer exists: someone may have removed it.');
  return mapping;
}

function unmap(gateway: CoverageGateway, mapping: MappingRecord, edit: string, itemTitle: string) {
  return sendVersioned(edit, `Mapping of ${itemTitle}`, mapping.version, () =>
    gateway.unmap({ id: mapping.id, version: mapping.version }),
  );
}

export class MapCoverage implements Command {
  readonly name = 'MapCoverage';
  private readonly input: MapCoverageInput;
  private readonly target: string;
  private createdId: string | null = null;

  constructor(
    private readonly gateway: CoverageGateway,
    organisationId: string,
    framework: Framework,
    private readonly item: { key: string; title: string },
    target: string,
    private readonly targetName: string,
    rationale: string,
  ) {
    this.target = target;
    const decoded = decodeTarget(target);
    this.input = {
      organisationId,
      framework,
      itemKey: item.key,
      activityId: decoded?.kind === 'activity' ? decoded.id : null,
      workflowId: decoded?.kind === 'workflow' ? decoded.id : null,
      rationale: rationale.trim(),
    };
  }

  get label(): string {
    return `Map ${quoted(this.item.title)} to ${this.targetName}`;
  }

  /** The mapping's id as first created (resolve it through the context for the current one). */
  get mappingId(): string | null {
    return this.createdId;
  }

  async execute(context: CommandContext): Promise<void> {
    const problem = mappingProblem({
      itemKey: this.input.itemKey,
      target: this.target,
      rationale: this.input.rationale,
    });
    if (problem) throw new RuleViolation(problem);
    const resolved = {
      ...this.input,
      activityId: this.input.activityId ? context.resolve(this.input.activityId) : null,
      workflowId: this.input.workflowId,
    };
    this.createdId = (await this.gateway.map(resolved)).id;
  }

  async undo(context: CommandContext): Promise<void> {
    const mapping = await mappingOrFail(this.gateway, context.resolve(this.createdId!));
    await unmap(this.gateway, mapping, `Undo ${this.label}`, this.item.title);
  }

  async redo(context: CommandContext): Promise<void> {
    const input = {
      ...this.input,
      activityId: this.input.activityId ? context.resolve(this.input.activityId) : null,
    };
    const mapping = await this.gateway.map(input);
    context.alias(this.createdId!, mapping.id);
  }
}

export class UnmapCoverage implements Command {
  readonly name = 'UnmapCoverage';
  private removed: MappingRecord | null = null;

  constructor(
    private readonly gateway: CoverageGateway,
    private readonly organisationId: string,
    private readonly mappingId: string,
    private readonly item: { key: string; title: string },
    private readonly targetName: string,
  ) {}

  get label(): string {
    return `Remove the mapping of ${quoted(this.item.title)} to ${this.targetName}`;
  }

  async execute(context: CommandContext): Promise<void> {
    // The version is read now, from the server: a "Reload and apply my edit" reads it again.
    const mapping = await mappingOrFail(this.gateway, context.resolve(this.mappingId));
    await unmap(this.gateway, mapping, this.label, this.item.title);
    this.removed = mapping;
  }

  async undo(context: CommandContext): Promise<void> {
    const removed = this.removed!;
    const mapping = await this.gateway.map({
      organisationId: this.organisationId,
      framework: removed.framework,
      itemKey: removed.itemKey,
      activityId: removed.activityId ? context.resolve(removed.activityId) : null,
      workflowId: removed.workflowId,
      rationale: removed.rationale.slice(0, RATIONALE_MAX),
    });
    context.alias(this.mappingId, mapping.id);
  }

  async redo(context: CommandContext): Promise<void> {
    const mapping = await mappingOrFail(this.gateway, context.resolve(this.mappingId));
    await unmap(this.gateway, mapping, `Redo ${this.label}`, this.item.title);
    this.removed = mapping;
  }

  /** Nothing to re-read ahead: execute reads the version from the server each time. */
  async prepareRetry(): Promise<void> {}
}
