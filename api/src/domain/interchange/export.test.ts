import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../errors';
import { exportFile } from './export';
import { referenceSnapshot } from './test-fixtures';

describe('an export request', () => {
  const snapshot = referenceSnapshot();
  const procedure = snapshot.procedures[0]!;

  it('picks the writer, the file name and the media type', () => {
    expect(exportFile(snapshot, { format: 'HANDBOOK_HTML' })).toMatchObject({
      fileName: expect.stringMatching(/-handbook\.html$/),
      mediaType: 'text/html; charset=utf-8',
      content: expect.stringContaining('<!DOCTYPE html>'),
    });
    expect(exportFile(snapshot, { format: 'BPMN', workflowNumber: 3 }).fileName).toMatch(
      /-workflow-3\.bpmn$/,
    );
    expect(exportFile(snapshot, { format: 'WIF', procedureId: procedure.id }).fileName).toMatch(
      /\.workflow\.json$/,
    );
    const model = exportFile(snapshot, { format: 'MODEL_JSON' });
    expect(JSON.parse(model.content)).toMatchObject({ format: 'usm-studio-model', formatVersion: 1 });
  });

  it('refuses a selection the format does not take, two selections, or one the organisation lacks', () => {
    const refusal = (request: Parameters<typeof exportFile>[1]) => {
      try {
        exportFile(snapshot, request);
      } catch (error) {
        expect(error).toBeInstanceOf(BadUserInputError);
        return { message: (error as Error).message, field: (error as BadUserInputError).field };
      }
      throw new Error('not refused');
    };
    expect(refusal({ format: 'BPMN' })).toEqual({
      message: 'A BPMN export takes processKey or workflowNumber or procedureId.',
      field: 'input',
    });
    expect(refusal({ format: 'WIF', workflowNumber: 3, procedureId: procedure.id }).field).toBe(
      'input.workflowNumber',
    );
    expect(refusal({ format: 'MODEL_JSON', roleId: snapshot.roles[0]!.id }).field).toBe('input.roleId');
    expect(refusal({ format: 'HANDBOOK_MARKDOWN', procedureId: 'unknown' })).toEqual({
      message: 'The organisation has no such procedure.',
      field: 'input.procedureId',
    });
  });
});
