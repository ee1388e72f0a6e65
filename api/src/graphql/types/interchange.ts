import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EXPORT_FORMATS, type ExportFormat } from '../../domain/interchange/export';
import type { ProcessKey } from '../../domain/usm';
import { ProcessKeyEnum } from './enums';
import { ProcedureNode } from './procedure';

export const ExportFormatEnum = Object.fromEntries(EXPORT_FORMATS.map((value) => [value, value])) as {
  [K in ExportFormat]: K;
};
registerEnumType(ExportFormatEnum, {
  name: 'ExportFormat',
  description:
    'HANDBOOK_HTML (printable, self-contained) and HANDBOOK_MARKDOWN: the procedure handbook; BPMN: BPMN 2.0 ' +
    'XML with diagram layout; WIF: the USM Workflow Interchange Format; MODEL_JSON: the whole model, to import ' +
    'elsewhere (schema/model-document.schema.json).',
});

@InputType({
  description: 'What to export: the whole organisation, or exactly one of the selections its format takes.',
})
export class ExportInput {
  @Field(() => ID)
  organisationId!: string;

  @Field(() => ExportFormatEnum)
  format!: ExportFormat;

  @Field(() => ID, { nullable: true, description: 'A procedure (handbook, BPMN, WIF).' })
  procedureId?: string | null;

  @Field(() => Int, { nullable: true, description: 'A workflow, 1–8 (BPMN, WIF).' })
  workflowNumber?: number | null;

  @Field(() => ProcessKeyEnum, { nullable: true, description: 'A process (BPMN).' })
  processKey?: ProcessKey | null;

  @Field(() => ID, { nullable: true, description: 'A role: only its steps and instructions (handbook).' })
  roleId?: string | null;
}

@ObjectType('ExportedFile', {
  description: 'A generated document, with the name and media type to save it under.',
})
export class ExportedFileView {
  @Field(() => String)
  fileName!: string;

  @Field(() => String)
  mediaType!: string;

  @Field(() => String)
  content!: string;
}

@InputType()
export class ImportModelInput {
  @Field(() => String, { description: 'A whole-model JSON document (format "usm-studio-model").' })
  document!: string;

  @Field(() => String, {
    nullable: true,
    description: "The new organisation's name; the document's by default.",
  })
  name?: string | null;
}

@InputType()
export class ImportWifInput {
  @Field(() => ID)
  organisationId!: string;

  @Field(() => String, { description: 'A USM-WIF workflow or workflow template (JSON).' })
  document!: string;

  @Field(() => String, { nullable: true, description: "The procedure's name; the document's by default." })
  name?: string | null;
}

@ObjectType('SkippedImportItem')
export class SkippedImportItemView {
  @Field(() => String, { description: 'Where in the imported document, as a JSON path.' })
  path!: string;

  @Field(() => String)
  reason!: string;
}

@ObjectType('WifImport')
export class WifImportView {
  @Field(() => ProcedureNode)
  procedure!: ProcedureNode;

  @Field(() => [SkippedImportItemView], {
    description: 'Activities, letters and tools that matched nothing in the organisation and were left out.',
  })
  skipped!: SkippedImportItemView[];
}
