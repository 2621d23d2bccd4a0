// Where a link an alert carries (`runbook_url`, a `runbook` label, a `failsafe://runbook/` link)
// leads in the library. The resolver is given by the caller (shared/alerts/library-links.ts in the
// app, the lint's own in electron/), so the matcher and the coverage checks stay pure and testable.

export type LinkTarget =
  /** A runbook of the library, and the section the link's `#fragment` names, if any. */
  | { kind: 'runbook'; id: string; section?: string }
  /** The link is of the library's kind (a path of the repository, a site base set), but no file is there. */
  | { kind: 'missing'; lookedFor: string }
  /** A link of the library's that cannot be read safely (bad encoding, a path out of the library, too long). */
  | { kind: 'refused'; reason: string }
  /** A link the library cannot map (a wiki page, another site): not checked. */
  | { kind: 'not-library' };

export type LinkResolver = (url: string) => LinkTarget;
