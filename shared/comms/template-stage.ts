// Which message fits the moment: the initial notice before any message was sent (while still
// investigating), an update while the incident is open, the resolution notice once it is resolved. And what a resolution notice must
// not say.
import type { IncidentState } from '../incident/incident-state';
import type { CommsTemplate, TemplateStage } from '../model';

const STAGE_WORDS: [TemplateStage, RegExp][] = [
  ['resolved', /\b(resolved|resolution|all clear)\b/i],
  ['initial', /\b(initial|first|investigating|declared)\b/i],
  ['update', /\bupdate\b/i],
];

/** A template's stage: as declared (`stage:`), else from the words of its id and title. */
export function stageOf(template: CommsTemplate): TemplateStage | undefined {
  if (template.stage) return template.stage;
  const words = `${template.id.replace(/[-_/]+/g, ' ')} ${template.title}`;
  return STAGE_WORDS.find(([, pattern]) => pattern.test(words))?.[0];
}

/**
 * The stage an incident is at: resolved, resolved; nothing sent yet while still investigating (or
 * none current), initial; else update. A first message written once the cause is found or the fix
 * is in is an update: an initial notice would tell customers "Investigating" about a mitigated outage.
 */
export function stageFor(incident: IncidentState | undefined): TemplateStage {
  if (incident?.status === 'resolved') return 'resolved';
  return incident?.messages.length || (incident && incident.status !== 'investigating') ? 'update' : 'initial';
}

/** The template to offer first: the first of the incident's stage, else the first there is. */
export function suggestedTemplate(templates: readonly CommsTemplate[], incident: IncidentState | undefined): CommsTemplate | undefined {
  const stage = stageFor(incident);
  return templates.find((template) => stageOf(template) === stage) ?? templates[0];
}

/** The line of a resolution notice that still promises another update ("Next update in 30 minutes"), if one does. */
export function promisedUpdate(template: CommsTemplate, text: string): string | undefined {
  if (stageOf(template) !== 'resolved') return undefined;
  return text.split('\n').find((line) => /\bnext update\b|\bwill update\b|\bfurther update/i.test(line))?.trim();
}
