/**
 * Redoing a derivation creates the procedure again under a new id. Commands follow it through the editor's
 * id aliases; the procedure page follows it through this record, so a page showing the old id can move
 * to the new one. Ids are global, so one record serves every open organisation.
 */
import { IdAliases } from '../ids';

export const movedProcedures = new IdAliases();
