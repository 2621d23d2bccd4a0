import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignedNames, commandPlaceholders, labelFromName, placeholdersToReplace } from '../../../shared/library/document/command-placeholders';
import { commandText, fillCommand, missingParams, recordedCommand, runbookParams, type RunParam } from '../../../shared/library/run-params';
import { parseLibrary } from '../../../shared/library/library-parser';
import { LIMIT, pathological } from '../../support/pathological-inputs';

const names = (command: string) => commandPlaceholders(command).map((found) => found.name);

describe('placeholders as teams write them in commands', () => {
  it('finds <name>, ${NAME}, $NAME and YOUR_… tokens', () => {
    expect(names('git checkout <previous-commit-hash>')).toEqual(['previous-commit-hash']);
    expect(names('kubectl -n ${NAMESPACE} logs $POD_NAME --tail=50')).toEqual(['NAMESPACE', 'POD_NAME']);
    expect(names('curl -H "Authorization: Bearer YOUR_API_TOKEN" https://your-domain.com/health')).toEqual(['YOUR_API_TOKEN', 'your-domain']);
    expect(names('docker restart <container-id> && docker logs <container-id>')).toEqual(['container-id', 'container-id']);
    expect(names('psql -h <db_host> -U <YOUR_USER>')).toEqual(['db_host', 'YOUR_USER']);
    expect(names('git tag v<version> && docker pull app:<tag>')).toEqual(['version', 'tag']);
  });

  it('finds a glued "your" with a placeholder word (yourdomain), and leaves the other words starting with "your"', () => {
    // With its ".com": the blank is a whole domain (filled "lms.example.edu", not "lms.example.edu.com").
    expect(names('curl https://api.yourdomain.com/api/v1/health/')).toEqual(['yourdomain.com']);
    expect(names('ssh yourusername@bastion.yourcompany.io')).toEqual(['yourusername', 'yourcompany.io']);
    // A longer name goes on: only the part that is made up is the blank.
    expect(names('curl https://yourdomain.com.au/ https://yourdomain.example/')).toEqual(['yourdomain', 'yourdomain']);
    expect(names('echo "do it yourself" && ls yours/ && cat yourdomains.txt && echo yourdomain_x YourDomain')).toEqual([]);
    expect(labelFromName('yourdomain')).toBe('Domain');
    expect(labelFromName('yourdomain.com')).toBe('Domain');
    expect(labelFromName('yourusername')).toBe('Username');
  });

  it('leaves Go templates as written, even with a $variable inside', () => {
    expect(names(`docker ps --format '{{.Status}} {{ .Names }}'`)).toEqual([]);
    expect(names(`kubectl get pods -o go-template='{{range $i, $P := .items}}{{$P.metadata.name}}{{end}}'`)).toEqual([]);
    expect(names(`helm get values {{ $RELEASE }} && echo $RELEASE`)).toEqual(['RELEASE']);
  });

  it('leaves shell syntax as written', () => {
    const shell = [
      'echo "backup-$(date +%F).sql" $? $$ $! $# $@ $1 $0',
      'echo $((COUNT + 1)) ${COUNT:-3} ${#ITEMS} ${FILE%.sql} ${NAME:=x}',
      'cat <<EOF > /tmp/x\nhello\nEOF',
      'cat <<-EOT\nx\nEOT',
      'grep -c x <<< "$line"',
      'mysql db < dump.sql > out.txt 2>&1',
      'diff <(sort a) <(sort b)',
      'if [ "$a" < "$b" ]; then echo a<b; fi',
      'echo line one<br>line two<hr/>',
      'echo $HOME $PATH $USER $PWD $HOSTNAME $KUBECONFIG $XDG_CONFIG_HOME $BASH_SOURCE',
      `awk '{print $NF, $NR, $1}' file`,
      'echo \\$PRICE and lower-case $name and $Mixed',
      'List<String> x; vector<int> y; dev<version>',
    ];
    for (const command of shell) expect(names(command), command).toEqual([]);
  });

  it('does not treat a variable the commands set themselves as a blank', () => {
    const assigned = assignedNames(['NAMESPACE=prod\nkubectl -n $NAMESPACE get pods', 'export DB_HOST=db1; read -r REPLY_TO ANSWER', 'for POD in $(kubectl get pods -o name); do echo $POD; done']);
    expect([...assigned].sort()).toEqual(['ANSWER', 'DB_HOST', 'NAMESPACE', 'POD', 'REPLY_TO']);
  });

  it('names what a command copied as written still needs replaced, once each, as written', () => {
    expect(placeholdersToReplace('git checkout <previous-commit-hash>')).toEqual(['<previous-commit-hash>']);
    expect(placeholdersToReplace('docker restart <container-id> && docker logs <container-id> -n ${LINES}')).toEqual(['<container-id>', '${LINES}']);
    expect(placeholdersToReplace('NAMESPACE=prod\nkubectl -n $NAMESPACE delete pod $POD_NAME')).toEqual(['$POD_NAME']);
    expect(placeholdersToReplace('kubectl get pods -n production')).toEqual([]);
  });

  it('never overlaps, stays inside the command and reads what it cuts', () => {
    const piece = fc.constantFrom('<', '>', '$', '{', '}', '{{', '}}', 'YOUR_', 'your-', 'A', 'a', '_', '-', ' ', '\\', '(', '<<', 'NAME', '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), (pieces) => {
        const command = pieces.join('');
        let end = 0;
        for (const found of commandPlaceholders(command)) {
          expect(found.from).toBeGreaterThanOrEqual(end);
          expect(found.to).toBeLessThanOrEqual(command.length);
          expect(command.slice(found.from, found.to)).toContain(found.name);
          end = found.to;
        }
      }),
      { numRuns: 300, seed: 17 },
    );
  });

  it('a Go template span and shell syntax around any name never yield a placeholder', () => {
    const name = fc.stringMatching(/^[A-Z][A-Z0-9_]{1,20}$/);
    fc.assert(
      fc.property(name, (upper) => {
        for (const command of [`{{ .${upper} }}`, `{{ $${upper} }}`, `\${${upper}:-x}`, `\${#${upper}}`, `$(${upper.toLowerCase()})`, `<<${upper}`, `x<${upper}>`, `< ${upper}`, `\\$${upper}`]) expect(names(command), command).toEqual([]);
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('reads pathological commands up to the size limit in one pass', () => {
    fc.assert(fc.property(pathological, (text) => void commandPlaceholders(text)), { numRuns: 20, seed: 5 });
    for (const text of ['<a'.repeat(LIMIT / 2), '{{'.repeat(LIMIT / 2), `<${'a'.repeat(LIMIT - 1)}`, `$${'A'.repeat(LIMIT - 1)}`, 'YOUR_'.repeat(LIMIT / 5), '$('.repeat(LIMIT / 2)]) {
      commandPlaceholders(text);
      placeholdersToReplace(text);
    }
  });
});

describe('undeclared placeholders as run parameters', () => {
  const runbook = (commands: string[], params?: unknown) => ({ extra: params ? { params } : {}, commands });

  it('offers each placeholder once, labelled from its name, beside the declared ones', () => {
    const params = runbookParams(runbook(['git checkout <previous-commit-hash>', 'kubectl -n {{namespace}} rollout undo deploy/<deployment> && echo <previous-commit-hash>', 'curl -H "X-Token: $API_TOKEN" $DATABASE_URL'], [{ name: 'namespace', label: 'Namespace', required: true }]));
    expect(params.map((param) => [param.name, param.label, param.required, param.secret, param.written])).toEqual([
      ['namespace', 'Namespace', true, false, undefined],
      ['previous-commit-hash', 'Previous commit hash', true, false, '<previous-commit-hash>'],
      ['deployment', 'Deployment', true, false, '<deployment>'],
      ['API_TOKEN', 'API token', false, true, '$API_TOKEN'],
      ['DATABASE_URL', 'Database URL', false, false, '$DATABASE_URL'],
    ]);
  });

  it('a declared parameter names and describes the placeholder of the same name', () => {
    const params = runbookParams(runbook(['restore.sh <backup-file>'], [{ name: 'backup-file', label: 'Backup to restore', example: 'db-2026-11-01.dump' }]));
    expect(params).toHaveLength(1);
    expect(params[0]).toMatchObject({ name: 'backup-file', label: 'Backup to restore', example: 'db-2026-11-01.dump' });
    expect(commandText(fillCommand('restore.sh <backup-file>', params, { 'backup-file': 'x.dump' }))).toBe('restore.sh x.dump');
  });

  it('fills the copy, shows a gap for a blank <name> and keeps an empty $NAME for the shell', () => {
    const params = runbookParams(runbook(['git revert <commit-hash> && psql "$DATABASE_URL" -c "select 1" && echo ${REGION}']));
    const command = 'git revert <commit-hash> && psql "$DATABASE_URL" -c "select 1" && echo ${REGION}';
    const empty = fillCommand(command, params, {});
    expect(missingParams(empty)).toEqual(['commit-hash']);
    expect(empty.find((piece) => piece.kind === 'param' && piece.missing)).toMatchObject({ written: '<commit-hash>' });
    expect(commandText(fillCommand(command, params, { 'commit-hash': 'abc123' }))).toBe('git revert abc123 && psql "$DATABASE_URL" -c "select 1" && echo ${REGION}');
    expect(commandText(fillCommand(command, params, { 'commit-hash': 'abc123', DATABASE_URL: 'postgres://db', REGION: 'eu-west-1' }))).toBe('git revert abc123 && psql "postgres://db" -c "select 1" && echo eu-west-1');
  });

  it('masks a secret-looking placeholder in what is recorded', () => {
    const params = runbookParams(runbook(['curl -H "Authorization: Bearer YOUR_API_TOKEN" https://api/health']));
    const pieces = fillCommand('curl -H "Authorization: Bearer YOUR_API_TOKEN" https://api/health', params, { YOUR_API_TOKEN: 's3cr3t' });
    expect(commandText(pieces)).toContain('Bearer s3cr3t');
    expect(recordedCommand(pieces)).not.toContain('s3cr3t');
  });

  it('keeps declared {{name}} as before and never fills an undeclared {{name}}', () => {
    const declared: RunParam[] = [{ name: 'service', label: 'Service', required: true, secret: false }];
    const params = runbookParams(runbook(['systemctl restart {{service}} {{other}}'], declared));
    expect(params.map((param) => param.name)).toEqual(['service']);
    expect(commandText(fillCommand('systemctl restart {{service}} {{other}}', params, { service: 'api' }))).toBe('systemctl restart api {{other}}');
  });

  it('a synced runbook offers the placeholders of its code blocks', () => {
    const text = '# Rollback\n\n```bash\n# 1. Find the last good commit\ngit log --oneline -5\n# 2. Check it out\ngit checkout <previous-commit-hash>\nTAG=v1; docker tag app:$TAG app:stable\n```\n';
    const snapshot = parseLibrary([{ path: 'ops/rollback.md', text }], { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' });
    expect(runbookParams(snapshot.runbooks[0]).map((param) => param.written)).toEqual(['<previous-commit-hash>']);
  });
});
