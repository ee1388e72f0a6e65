import { Migration } from '@mikro-orm/migrations';

export class Migration20261129105402 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "procedure" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_id" uuid not null, "name" varchar(200) not null, "source_kind" text check ("source_kind" in ('PROCESS', 'WORKFLOW')) not null, "source_process_key" text check ("source_process_key" in ('AGREE', 'CHANGE', 'RECOVER', 'OPERATE', 'IMPROVE')) null, "source_workflow_id" uuid null, constraint "procedure_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "procedure_organisation_id_index" on "procedure" ("organisation_id");`);

    this.addSql(
      `create table "procedure_step" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_id" uuid not null, "procedure_id" uuid not null, "activity_id" uuid not null, "occurrence" smallint not null, "position" int not null, "depth" smallint not null, "process_key" text check ("process_key" in ('AGREE', 'CHANGE', 'RECOVER', 'OPERATE', 'IMPROVE')) not null, "activity_name" varchar(200) not null, "obsolete" boolean not null default false, constraint "procedure_step_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "procedure_step_procedure_id_position_index" on "procedure_step" ("procedure_id", "position");`,
    );
    this.addSql(`create index "procedure_step_activity_id_index" on "procedure_step" ("activity_id");`);
    this.addSql(
      `create index "procedure_step_organisation_id_index" on "procedure_step" ("organisation_id");`,
    );
    this.addSql(
      `alter table "procedure_step" add constraint "procedure_step_procedure_id_activity_id_occurrence_unique" unique ("procedure_id", "activity_id", "occurrence");`,
    );

    this.addSql(
      `create table "responsibility" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_id" uuid not null, "step_id" uuid not null, "role_id" uuid not null, "raci" text[] not null, constraint "responsibility_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "responsibility_role_id_index" on "responsibility" ("role_id");`);
    this.addSql(
      `create index "responsibility_organisation_id_index" on "responsibility" ("organisation_id");`,
    );
    this.addSql(
      `alter table "responsibility" add constraint "responsibility_step_id_role_id_unique" unique ("step_id", "role_id");`,
    );

    this.addSql(
      `create table "work_instruction" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_id" uuid not null, "procedure_id" uuid not null, "step_id" uuid not null, "role_id" uuid not null, "text" text not null default '', constraint "work_instruction_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "work_instruction_procedure_id_index" on "work_instruction" ("procedure_id");`);
    this.addSql(`create index "work_instruction_role_id_index" on "work_instruction" ("role_id");`);
    this.addSql(
      `create index "work_instruction_organisation_id_index" on "work_instruction" ("organisation_id");`,
    );
    this.addSql(
      `alter table "work_instruction" add constraint "work_instruction_step_id_role_id_unique" unique ("step_id", "role_id");`,
    );

    this.addSql(
      `create table "work_instruction_tool" ("work_instruction_id" uuid not null, "tool_id" uuid not null, constraint "work_instruction_tool_pkey" primary key ("work_instruction_id", "tool_id"));`,
    );
    this.addSql(`create index "work_instruction_tool_tool_id_index" on "work_instruction_tool" ("tool_id");`);

    this.addSql(
      `alter table "procedure" add constraint "procedure_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "procedure" add constraint "procedure_source_workflow_id_foreign" foreign key ("source_workflow_id") references "workflow" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "procedure_step" add constraint "procedure_step_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "procedure_step" add constraint "procedure_step_procedure_id_foreign" foreign key ("procedure_id") references "procedure" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "procedure_step" add constraint "procedure_step_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "responsibility" add constraint "responsibility_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "responsibility" add constraint "responsibility_step_id_foreign" foreign key ("step_id") references "procedure_step" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "responsibility" add constraint "responsibility_role_id_foreign" foreign key ("role_id") references "role" ("id") on update cascade on delete no action;`,
    );

    this.addSql(
      `alter table "work_instruction" add constraint "work_instruction_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "work_instruction" add constraint "work_instruction_procedure_id_foreign" foreign key ("procedure_id") references "procedure" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "work_instruction" add constraint "work_instruction_step_id_foreign" foreign key ("step_id") references "procedure_step" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "work_instruction" add constraint "work_instruction_role_id_foreign" foreign key ("role_id") references "role" ("id") on update cascade on delete no action;`,
    );

    this.addSql(
      `alter table "work_instruction_tool" add constraint "work_instruction_tool_work_instruction_id_foreign" foreign key ("work_instruction_id") references "work_instruction" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "work_instruction_tool" add constraint "work_instruction_tool_tool_id_foreign" foreign key ("tool_id") references "tool" ("id") on update cascade on delete no action;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "procedure_step" drop constraint "procedure_step_procedure_id_foreign";`);

    this.addSql(`alter table "work_instruction" drop constraint "work_instruction_procedure_id_foreign";`);

    this.addSql(`alter table "responsibility" drop constraint "responsibility_step_id_foreign";`);

    this.addSql(`alter table "work_instruction" drop constraint "work_instruction_step_id_foreign";`);

    this.addSql(
      `alter table "work_instruction_tool" drop constraint "work_instruction_tool_work_instruction_id_foreign";`,
    );

    this.addSql(`drop table if exists "procedure" cascade;`);

    this.addSql(`drop table if exists "procedure_step" cascade;`);

    this.addSql(`drop table if exists "responsibility" cascade;`);

    this.addSql(`drop table if exists "work_instruction" cascade;`);

    this.addSql(`drop table if exists "work_instruction_tool" cascade;`);
  }
}
