import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interactiveShell, interactiveShellWords, interactiveTool } from '../../../shared/library/document/interactive-shell';

describe('interactiveShell: commands that stop at a prompt when pasted', () => {
  it('marks database shells, Django shells, redis-cli, ssh and container shells opened with nothing to run', () => {
    const opens: [string, string][] = [
      ['docker compose -f compose.prod.yml exec ledger-db psql -U paydesk -d ledger', 'psql'],
      ['mysql -u root -p shop', 'mysql'],
      ['mongosh "mongodb://db:27017"', 'mongosh'],
      ['docker compose exec api python manage.py dbshell', 'manage.py dbshell'],
      ['./manage.py shell', 'manage.py shell'],
      ['redis-cli -h cache.stockroom.internal', 'redis-cli'],
      ['ssh -i ~/.ssh/ops.pem deploy@bastion', 'ssh'],
      ['docker exec -it <worker-container> bash', 'bash in a container'],
      ['kubectl exec -it api-7f9 -n payments -- sh', 'sh in a container'],
    ];
    for (const [command, tool] of opens) expect(interactiveTool(command), command).toBe(tool);
  });

  it('leaves alone the same tools given something to run, fed a file or a pipe', () => {
    const runs = [
      'docker compose exec db psql -U lms -d lms -c "SELECT 1;"',
      'psql -h db -U stockroom inventory < inventory.sql',
      'gunzip < dump.gz | docker compose exec -T db psql -U paydesk ledger',
      'mysql -u root -e "show processlist"',
      'mongosh --eval "db.stats()"',
      'python manage.py shell -c "print(1)"',
      'docker compose exec cache redis-cli ping',
      "redis-cli -h cache --scan --pattern 'resv:*'",
      'ssh deploy@bastion uptime',
      'ssh -N -L 5432:db:5432 bastion',
      'docker exec web sh -c "ls /srv"',
      'bash deploy.sh',
      '# psql -U postgres',
      'docker compose exec db pg_isready -U coursework',
    ];
    for (const command of runs) expect(interactiveTool(command), command).toBeUndefined();
  });

  it('says which line of a block opens the shell and whether lines after it would be typed into it', () => {
    const block = 'docker compose exec api python manage.py shell\n>>> from django.contrib.sessions.models import Session\n>>> Session.objects.count()';
    const shell = interactiveShell(block);
    expect(shell).toEqual({ line: 0, tool: 'manage.py shell', linesAfter: true });
    expect(interactiveShellWords(shell!)).toBe('It opens an interactive shell (manage.py shell): the lines after it are typed inside it.');
    expect(interactiveShell('git log --oneline -5\nredis-cli')).toEqual({ line: 1, tool: 'redis-cli', linesAfter: false });
    expect(interactiveShell('git pull origin main\nmake build')).toBeUndefined();
  });

  it('copes with any text, long lines and unbalanced quotes, in linear time', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('psql ', '| ', '"', "'", '&&', ';', 'ssh ', '-c ', 'exec ', 'bash', '\n', ' ', 'x'), { maxLength: 4000 }), (parts) => {
        const shell = interactiveShell(parts.join(''));
        if (shell) expect(shell.tool.length).toBeGreaterThan(0);
      }),
      { numRuns: 200, seed: 23 },
    );
    const started = performance.now();
    interactiveShell(`psql ${'"'.repeat(200_000)}`);
    interactiveShell('ssh -o '.repeat(60_000));
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
