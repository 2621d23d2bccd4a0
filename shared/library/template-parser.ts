import { listField, textField } from './front-matter-fields';
import { fileTitle, idFromPath } from './library-paths';
import { PLACEHOLDER_NAME, placeholderNames } from './placeholders';
import { FIELD_TYPES, TEMPLATE_STAGES, type CommsTemplate, type FieldType, type TemplateField, type TemplateStage } from '../model';

export function parseTemplate(path: string, data: Record<string, unknown>, body: string): CommsTemplate {
  return {
    id: textField(data, 'id') ?? idFromPath(path),
    path,
    title: textField(data, 'title') ?? fileTitle(path),
    channel: textField(data, 'channel'),
    stage: stageField(textField(data, 'stage')),
    fields: fieldsOf(data.fields, body),
    body: body.trim(),
  };
}

/** Declared fields first, then any `{{placeholder}}` of the body that was not declared. */
function fieldsOf(declared: unknown, body: string): TemplateField[] {
  const fields: TemplateField[] = [];
  const entries = Array.isArray(declared)
    ? declared.map((item) => (typeof item === 'string' ? [item, {}] : [textField(asRecord(item), 'name'), item]))
    : Object.entries(asRecord(declared));
  for (const [name, spec] of entries) {
    if (typeof name !== 'string' || !PLACEHOLDER_NAME.test(name) || fields.some((field) => field.name === name)) continue;
    const record = typeof spec === 'string' ? { label: spec } : asRecord(spec);
    const options = listField(record, 'options');
    const type = textField(record, 'type')?.toLowerCase();
    fields.push({
      name,
      label: textField(record, 'label') ?? name,
      default: textField(record, 'default'),
      options: options.length ? options : undefined,
      type: FIELD_TYPES.includes(type as FieldType) ? (type as FieldType) : undefined,
    });
  }
  for (const name of placeholderNames(body)) {
    if (!fields.some((field) => field.name === name)) fields.push({ name, label: name });
  }
  return fields;
}

function stageField(value: string | undefined): TemplateStage | undefined {
  const stage = value?.trim().toLowerCase();
  return TEMPLATE_STAGES.includes(stage as TemplateStage) ? (stage as TemplateStage) : undefined;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** How a field is filled in: as declared, else a choice when it lists options, else text. */
export function fieldType(field: TemplateField): FieldType {
  return field.type ?? (field.options ? 'choice' : 'text');
}
