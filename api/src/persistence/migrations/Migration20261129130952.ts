import { Migration } from '@mikro-orm/migrations';

export class Migration20261129130952 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "organisation" add column "canvas_arrangement" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "organisation" drop column "canvas_arrangement";`);
  }
}
