// Times in alerts are RFC 3339 (`2026-12-01T03:12:00.123Z`, Prometheus with nanoseconds and an
// offset). Go's zero time (`0001-01-01T00:00:00Z`) is how Alertmanager writes "none", as an
// `endsAt` of an alert still firing often is; any time before 1970 is taken as none.
const RFC_3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch, or undefined for none, the zero time or anything else. */
export function alertTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > 40 || !RFC_3339.test(value)) return undefined;
  const ms = Date.parse(value.replace(' ', 'T'));
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}
