import { Migration } from '@mikro-orm/migrations';

export class Migration20261129133025 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "organisation" add column "demo" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "organisation" drop column "demo";`);
  }
}
