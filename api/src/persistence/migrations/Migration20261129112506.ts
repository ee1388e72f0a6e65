import { Migration } from '@mikro-orm/migrations';

export class Migration20261129112506 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "app_user" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "email" varchar(254) not null, "name" varchar(200) not null default '', "password_hash" varchar(200) not null, "administrator" boolean not null default false, constraint "app_user_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(
      `create table "membership" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_id" uuid not null, "user_id" uuid not null, "role" text check ("role" in ('OWNER', 'ARCHITECT', 'TRAINER', 'VIEWER')) not null, constraint "membership_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "membership_user_id_index" on "membership" ("user_id");`);
    this.addSql(
      `alter table "membership" add constraint "membership_organisation_id_user_id_unique" unique ("organisation_id", "user_id");`,
    );

    this.addSql(
      `create table "credential" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "kind" text check ("kind" in ('SESSION', 'API_TOKEN')) not null, "name" varchar(200) not null default '', "secret_hash" varchar(64) not null, "expires_at" timestamptz null, "revoked_at" timestamptz null, constraint "credential_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "credential" add constraint "credential_secret_hash_unique" unique ("secret_hash");`,
    );
    this.addSql(`create index "credential_user_id_kind_index" on "credential" ("user_id", "kind");`);

    this.addSql(
      `alter table "membership" add constraint "membership_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "membership" add constraint "membership_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "credential" add constraint "credential_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "membership" drop constraint "membership_user_id_foreign";`);

    this.addSql(`alter table "credential" drop constraint "credential_user_id_foreign";`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "membership" cascade;`);

    this.addSql(`drop table if exists "credential" cascade;`);
  }
}
