// Reading loosely typed front matter values: teams write `tags: db` as often as `tags: [db]`.

export function textField(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return undefined;
}

export function listField(data: Record<string, unknown>, key: string): string[] {
  const value = data[key];
  if (Array.isArray(value)) {
    return value.filter((item) => typeof item === 'string' || typeof item === 'number').map((item) => String(item).trim()).filter(Boolean);
  }
  const text = textField(data, key);
  return text ? text.split(',').map((part) => part.trim()).filter(Boolean) : [];
}

export function booleanField(data: Record<string, unknown>, key: string): boolean {
  const value = data[key];
  return value === true || value === 'true' || value === 'yes';
}

export function omitKeys(data: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) if (!keys.includes(key)) kept[key] = value;
  return kept;
}
