import { describe, expect, it } from 'vitest';
import { CALL_TYPE_ENTERING, CALL_TYPES, PROCESS_ENTERED_BY, PROCESS_KEYS } from './usm';

describe('USM vocabulary', () => {
  it('maps every call type to one process and back', () => {
    for (const callType of CALL_TYPES) {
      expect(CALL_TYPE_ENTERING[PROCESS_ENTERED_BY[callType]]).toBe(callType);
    }
    expect(new Set(Object.values(PROCESS_ENTERED_BY))).toEqual(new Set(PROCESS_KEYS));
  });
});
