import { Migration } from '@mikro-orm/migrations';

export class Migration20261129103627 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "organisation" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, constraint "organisation_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "organisation_created_at_id_index" on "organisation" ("created_at", "id");`);

    this.addSql(
      `create table "process" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_id" uuid not null, "key" text check ("key" in ('AGREE', 'CHANGE', 'RECOVER', 'OPERATE', 'IMPROVE')) not null, "name" varchar(200) not null, "purpose" text not null, constraint "process_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "process" add constraint "process_organisation_id_key_unique" unique ("organisation_id", "key");`,
    );

    this.addSql(
      `create table "activity" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_id" uuid not null, "process_id" uuid not null, "name" varchar(200) not null, "description" text not null default '', "position" int not null, "deleted_at" timestamptz null, constraint "activity_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "activity_process_id_position_index" on "activity" ("process_id", "position");`,
    );
    this.addSql(`create index "activity_organisation_id_index" on "activity" ("organisation_id");`);

    this.addSql(
      `create table "handover" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_id" uuid not null, "from_activity_id" uuid not null, "call_type" text check ("call_type" in ('WISH', 'RFC', 'INCIDENT', 'SERVICE_REQUEST', 'RISK')) not null, "kind" text check ("kind" in ('FORK', 'SPAWN')) not null, constraint "handover_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "handover_organisation_id_index" on "handover" ("organisation_id");`);
    this.addSql(
      `alter table "handover" add constraint "handover_from_activity_id_call_type_kind_unique" unique ("from_activity_id", "call_type", "kind");`,
    );

    this.addSql(
      `create table "role" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_id" uuid not null, "name" varchar(200) not null, "description" text not null default '', constraint "role_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "role" add constraint "role_organisation_id_name_unique" unique ("organisation_id", "name");`,
    );

    this.addSql(
      `create table "tool" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_id" uuid not null, "name" varchar(200) not null, "description" text not null default '', constraint "tool_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "tool" add constraint "tool_organisation_id_name_unique" unique ("organisation_id", "name");`,
    );

    this.addSql(
      `create table "workflow" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_id" uuid not null, "number" smallint not null, "name" varchar(200) not null, "trigger" text check ("trigger" in ('WISH', 'RFC', 'INCIDENT', 'SERVICE_REQUEST', 'RISK')) not null, "start_process" text check ("start_process" in ('AGREE', 'CHANGE', 'RECOVER', 'OPERATE', 'IMPROVE')) not null, "fork_choices" jsonb not null, constraint "workflow_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "workflow" add constraint "workflow_organisation_id_number_unique" unique ("organisation_id", "number");`,
    );

    this.addSql(
      `alter table "process" add constraint "process_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "activity" add constraint "activity_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "activity" add constraint "activity_process_id_foreign" foreign key ("process_id") references "process" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "handover" add constraint "handover_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "handover" add constraint "handover_from_activity_id_foreign" foreign key ("from_activity_id") references "activity" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "role" add constraint "role_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "tool" add constraint "tool_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "workflow" add constraint "workflow_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "process" drop constraint "process_organisation_id_foreign";`);

    this.addSql(`alter table "activity" drop constraint "activity_organisation_id_foreign";`);

    this.addSql(`alter table "handover" drop constraint "handover_organisation_id_foreign";`);

    this.addSql(`alter table "role" drop constraint "role_organisation_id_foreign";`);

    this.addSql(`alter table "tool" drop constraint "tool_organisation_id_foreign";`);

    this.addSql(`alter table "workflow" drop constraint "workflow_organisation_id_foreign";`);

    this.addSql(`alter table "activity" drop constraint "activity_process_id_foreign";`);

    this.addSql(`alter table "handover" drop constraint "handover_from_activity_id_foreign";`);

    this.addSql(`drop table if exists "organisation" cascade;`);

    this.addSql(`drop table if exists "process" cascade;`);

    this.addSql(`drop table if exists "activity" cascade;`);

    this.addSql(`drop table if exists "handover" cascade;`);

    this.addSql(`drop table if exists "role" cascade;`);

    this.addSql(`drop table if exists "tool" cascade;`);

    this.addSql(`drop table if exists "workflow" cascade;`);
  }
}
