import { describe, expect, it } from 'vitest';
import { typedFieldsOf } from '../../../renderer/features/messages/typed-fields';
import type { TemplateField } from '../../../shared/model';

const fields: TemplateField[] = [
  { name: 'impact', label: 'Who is affected and how', type: 'multiline' },
  { name: 'service', label: 'Affected service' },
];

// A message draft is read back from the database into a form: whatever the record holds, it fills
// only the template's own fields, with text.
describe('a message draft read back', () => {
  it('gives back the typed fields the template has', () => {
    expect({ ...typedFieldsOf(JSON.stringify({ impact: 'card payments time out', service: 'payments' }), fields) }).toEqual({ impact: 'card payments time out', service: 'payments' });
  });

  it('fills nothing from a damaged record, another template’s fields, values that are not text, or a prototype key', () => {
    for (const text of ['{"impact": "cut off', '[]', 'null', '"impact"', JSON.stringify({ owner: 'x' }), JSON.stringify({ impact: 3, service: null }), '{"__proto__": {"impact": "x"}}']) {
      expect(typedFieldsOf(text, fields), text).toBeUndefined();
    }
    expect({ ...typedFieldsOf(JSON.stringify({ impact: 'kept', owner: 'dropped' }), fields) }).toEqual({ impact: 'kept' });
  });
});
