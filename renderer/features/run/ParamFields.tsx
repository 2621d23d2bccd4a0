import type { RunParam } from '../../../shared/library/run-params';
import { ownValue } from '../../../shared/library/placeholders';

/** One field per parameter: a choice when it lists options, a password field when secret. */
export function ParamFields({ params, values, fromAlert, onChange }: { params: RunParam[]; values: Record<string, string>; /** Values an alert's labels gave, and the label each came from. */ fromAlert?: Record<string, { value: string; label: string }>; onChange(name: string, value: string): void }) {
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
              {fromAlert && value && Object.hasOwn(fromAlert, param.name) && fromAlert[param.name].value === value && <span className="from-alert-note"> (from the alert’s label {fromAlert[param.name].label})</span>}
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
