import { Migration } from '@mikro-orm/migrations';

export class Migration20261129132930 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "coverage_mapping" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_id" uuid not null, "framework" varchar(16) not null, "item_key" varchar(64) not null, "activity_id" uuid null, "workflow_id" uuid null, "rationale" text not null, constraint "coverage_mapping_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "coverage_mapping_organisation_id_framework_item_key_index" on "coverage_mapping" ("organisation_id", "framework", "item_key");`,
    );

    this.addSql(
      `alter table "coverage_mapping" add constraint "coverage_mapping_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "coverage_mapping" add constraint "coverage_mapping_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "coverage_mapping" add constraint "coverage_mapping_workflow_id_foreign" foreign key ("workflow_id") references "workflow" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "coverage_mapping" cascade;`);
  }
}
