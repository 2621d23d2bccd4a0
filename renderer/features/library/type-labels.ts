const LABELS: Record<string, string> = {
  'incident-response': 'Incident response',
  maintenance: 'Maintenance',
  'disaster-recovery': 'Disaster recovery',
  deployment: 'Deployment',
  troubleshooting: 'Troubleshooting',
  'backup-restore': 'Backup and restore',
  security: 'Security',
  release: 'Release',
  support: 'Support',
  general: 'General',
};

export function typeLabel(type: string): string {
  return LABELS[type] ?? type.charAt(0).toUpperCase() + type.slice(1).replace(/-/g, ' ');
}

/** Incident response first: it is what a responder opens the app for. */
export const TYPE_ORDER = Object.keys(LABELS);
