import { describe, expect, it } from 'vitest';
import { copiedNotice } from '../../../renderer/features/run/copied-notice';

describe('what a run says after C', () => {
  it('puts the interactive shell warning before the command, where a cut line still shows it', () => {
    const block = 'python manage.py shell\n>>> from django.contrib.sessions.models import Session\n>>> Session.objects.count()';
    expect(copiedNotice(block, '', block)).toBe(`Copied. It opens an interactive shell (manage.py shell): the lines after it are typed inside it. ${block}`);
    expect(copiedNotice('kubectl get pods', ' 2 of 3', 'kubectl get pods')).toBe('Copied 2 of 3: kubectl get pods');
  });

  it('says when the copy could not be recorded, the warning still said', () => {
    expect(copiedNotice('psql -h db-1', '', undefined)).toBe('Copied, but not recorded. It opens an interactive shell (psql).');
    expect(copiedNotice('kubectl get pods', '', undefined)).toBe('Copied, but not recorded.');
  });
});
