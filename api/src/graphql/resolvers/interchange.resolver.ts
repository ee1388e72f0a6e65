import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { BadUserInputError } from '../../domain/errors';
import { exportFile } from '../../domain/interchange/export';
import { importModel } from '../../services/interchange/import-model';
import { importWif } from '../../services/interchange/import-wif';
import { readOrganisationSnapshot } from '../../services/interchange/read-snapshot';
import { Access } from '../access-rules';
import type { RequestContext } from '../context';
import { storedIdOf } from '../global-id';
import { organisationNode, procedureNode } from '../mappers';
import {
  ExportedFileView,
  ExportInput,
  ImportModelInput,
  ImportWifInput,
  WifImportView,
} from '../types/interchange';
import { OrganisationNode } from '../types/model';
import { build } from '../types/node';

/** Documents out (handbook, BPMN, WIF, model JSON) and in (model JSON, WIF). */
@Resolver()
export class InterchangeResolver {
  @Access('ORGANISATION')
  @Query(() => ExportedFileView, { name: 'export', description: 'Generates a document from the model.' })
  async exportFile(
    @Arg('input', () => ExportInput) input: ExportInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    const organisationId = storedIdOf(input.organisationId, 'Organisation', 'input.organisationId');
    await access.requireOn('Organisation', organisationId, 'READ');
    const snapshot = await readOrganisationSnapshot(em, organisationId);
    return build(
      ExportedFileView,
      exportFile(snapshot, {
        format: input.format,
        procedureId: input.procedureId
          ? storedIdOf(input.procedureId, 'Procedure', 'input.procedureId')
          : null,
        roleId: input.roleId ? storedIdOf(input.roleId, 'Role', 'input.roleId') : null,
        workflowNumber: input.workflowNumber ?? null,
        processKey: input.processKey ?? null,
      }),
    );
  }

  @Access('SIGNED_IN')
  @Mutation(() => OrganisationNode, {
    description:
      'Creates a new organisation (you its OWNER) from a whole-model document. All or nothing: a document ' +
      'with problems is refused with every problem and its JSON path in extensions.problems.',
  })
  async importModel(
    @Arg('input', () => ImportModelInput) input: ImportModelInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    const ownerId = access.requireUser().id;
    return organisationNode(
      await importModel(em, { document: parseJson(input.document), name: input.name, ownerId }),
    );
  }

  @Access('ORGANISATION')
  @Mutation(() => WifImportView, {
    description:
      'Imports a USM-WIF file as a new procedure: activities matched by process and name, profiles to roles by ' +
      'id or name; what matched nothing is left out and listed in skipped.',
  })
  async importWif(
    @Arg('input', () => ImportWifInput) input: ImportWifInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    const organisationId = storedIdOf(input.organisationId, 'Organisation', 'input.organisationId');
    await access.requireOn('Organisation', organisationId, 'WRITE');
    const report = await importWif(em, { organisationId, text: input.document, name: input.name });
    return build(WifImportView, { procedure: procedureNode(report.procedure), skipped: report.skipped });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BadUserInputError(
      `The document is not valid JSON (${error instanceof Error ? error.message : 'syntax error'}); is the file complete?`,
      'input.document',
    );
  }
}
