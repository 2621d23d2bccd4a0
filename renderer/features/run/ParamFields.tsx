import type { RunParam } from '../../../shared/library/run-params';
import { ownValue } from '../../../shared/library/placeholders';

/** One field per parameter: a choice when it lists options, a password field when secret. */
export function ParamFields({
  params,
  values,
  fromAlert,
  earlier,
  onChange,
}: {
  params: RunParam[];
  values: Record<string, string>;
  /** Values an alert's labels gave, and the label each came from. */
  fromAlert?: Record<string, { value: string; label: string }>;
  /** Values this incident's earlier runs used (a new run starts with them). */
  earlier?: Record<string, string>;
  onChange(name: string, value: string): void;
}) {
  return (
    <div className="param-fields">
      {params.map((param, index) => {
        // Read from the map's own keys: a parameter may be named `constructor` or `__proto__`.
        const value = ownValue(values, param.name) ?? '';
        return (
          <label key={param.name}>
            <span className="param-label">
              {param.label}
              {param.required && <span className="required"> (required)</span>}
              {param.secret && <span className="muted"> (secret: used in commands, never recorded)</span>}
              <ValueOrigin param={param} value={value} fromAlert={fromAlert} earlier={earlier} />
              <code className="param-name" aria-hidden="true">{param.written ?? `{{${param.name}}}`}</code>
            </span>
            {param.options ? (
              <select autoFocus={index === 0} value={value} onChange={(event) => onChange(param.name, event.target.value)}>
                {!param.required && <option value="">(none)</option>}
                {!param.options.includes(value) && value && <option value={value}>{value}</option>}
                {param.required && !value && <option value="">Choose…</option>}
                {param.options.map((option) => (
                  <option key={option}>{option}</option>
                ))}
              </select>
            ) : (
              <input
                autoFocus={index === 0}
                type={param.secret ? 'password' : 'text'}
                autoComplete="off"
                spellCheck={false}
                value={value}
                placeholder={param.example ? `e.g. ${param.example}` : undefined}
                onChange={(event) => onChange(param.name, event.target.value)}
              />
            )}
          </label>
        );
      })}
    </div>
  );
}

/**
 * Where a prefilled value came from, so a value nobody chose for this incident (the runbook's
 * default host) is checked rather than trusted: the alert's label, an earlier run, the default.
 */
function ValueOrigin({ param, value, fromAlert, earlier }: { param: RunParam; value: string; fromAlert?: Record<string, { value: string; label: string }>; earlier?: Record<string, string> }) {
  if (!value || param.secret) return null;
  if (fromAlert && Object.hasOwn(fromAlert, param.name) && fromAlert[param.name].value === value) return <span className="from-alert-note"> (from the alert’s label {fromAlert[param.name].label})</span>;
  if (earlier && ownValue(earlier, param.name) === value) return <span className="muted"> (as in this incident’s earlier run)</span>;
  if (param.default === value) return <span className="muted"> (the runbook’s default)</span>;
  return null;
}
