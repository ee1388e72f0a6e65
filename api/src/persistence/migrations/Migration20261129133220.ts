import { Migration } from '@mikro-orm/migrations';

export class Migration20261129133220 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "presentation" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_id" uuid not null, "mode" text check ("mode" in ('WORKFLOW', 'DERIVATION')) not null, "workflow_number" smallint null, "procedure_id" uuid null, "step" int not null, "started_by_id" uuid not null, "ended_at" timestamptz null, "share_token_hash" varchar(64) not null, constraint "presentation_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "presentation" add constraint "presentation_share_token_hash_unique" unique ("share_token_hash");`,
    );
    this.addSql(
      `create index "presentation_organisation_id_ended_at_index" on "presentation" ("organisation_id", "ended_at");`,
    );

    this.addSql(
      `alter table "presentation" add constraint "presentation_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "presentation" add constraint "presentation_procedure_id_foreign" foreign key ("procedure_id") references "procedure" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "presentation" add constraint "presentation_started_by_id_foreign" foreign key ("started_by_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "presentation" cascade;`);
  }
}
