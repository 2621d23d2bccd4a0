import { describe, expect, it } from 'vitest';
import { classifyLink, isAllowedExternalUrl } from '../../../shared/url-rules';

describe('URL rules', () => {
  it.each(['https://status.example.com/incidents', 'http://wiki.example.com', 'mailto:oncall@example.com', 'tel:+15550100'])('opens %s outside', (url) => {
    expect(classifyLink(url)).toEqual({ kind: 'external', url });
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' \u0001javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd', 'https:evil', '//evil.example.com/x', 'app://failsafe/index.html'])(
    'blocks %j',
    (url) => {
      expect(classifyLink(url).kind).toBe('blocked');
      expect(isAllowedExternalUrl(url)).toBe(false);
    },
  );

  it('keeps relative links inside the app', () => {
    expect(classifyLink('../db/restore.md')).toEqual({ kind: 'internal', href: '../db/restore.md' });
    expect(classifyLink('#step-2')).toEqual({ kind: 'internal', href: '#step-2' });
  });

  it('refuses non-strings and absurdly long URLs', () => {
    expect(isAllowedExternalUrl(42)).toBe(false);
    expect(isAllowedExternalUrl(`https://example.com/${'a'.repeat(3000)}`)).toBe(false);
  });
});
