import { createContext, useContext, useMemo, type ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { placeholdersToReplace } from '../../../shared/library/document/command-placeholders';
import { headingAnchors } from '../../../shared/library/markdown/heading-slug';
import { linkedLibraryPlace, resolveLinkTarget } from '../../../shared/library/library-paths';
import { classifyLink } from '../../../shared/url-rules';
import { hashOf } from '../../app/services/routes';
import { CopyButton } from '../CopyButton';
import { FilledCommand, FilledInline, type CommandFilling } from './FilledCommand';
import { renderParts, type RenderPart } from './render-limits';
import { rehypeHeadingIds, rehypeTaskListLabels, remarkDepthLimit, remarkHtmlAsText, textOf } from './markdown-plugins';
import { ScrollablePre } from './ScrollablePre';

interface Props {
  markdown: string;
  /** The library path of the document, to resolve its relative links to other runbooks. */
  fromPath: string;
  /** The runbook shown, so `#section` links within it scroll there. */
  runbookId?: string;
  /** During a run: commands are shown and copied with the run's parameters filled in. */
  filling?: CommandFilling;
}

export function MarkdownView({ markdown, fromPath, runbookId, filling }: Props) {
  // Cut once per text, not on every render of the page around it.
  const pieces = useMemo(() => piecesWithAnchorCounts(markdown), [markdown]);
  // Made once per page, not per render: a new component each render would remount every code block,
  // and a run's re-render (each event recorded) would wipe a button's "Copied". The filling, which
  // changes with every value, reaches the blocks through context instead.
  const filled = !!filling;
  const components = useMemo<Components>(
    () => ({
      pre({ node, children }) {
        const code = textOf(node as Parameters<typeof textOf>[0]).replace(/\n$/, '');
        if (filled) return <FilledBlock command={code} />;
        return (
          <div className="code-block">
            <ScrollablePre>{children}</ScrollablePre>
            <CopyButton text={code} command placeholders={placeholdersToReplace(code)} />
          </div>
        );
      },
      a({ href, children }) {
        return (
          <SafeLink href={href ?? ''} fromPath={fromPath} runbookId={runbookId}>
            {children}
          </SafeLink>
        );
      },
      ...(filled && {
        code({ children }) {
          return <FilledCode text={String(children)} />;
        },
      }),
      img({ alt }) {
        // Images would be fetched from wherever the author pointed; show the alt text instead.
        return <span className="image-placeholder">[image{alt ? `: ${alt}` : ''}]</span>;
      },
    }),
    [filled, fromPath, runbookId],
  );
  return (
    <FillingContext.Provider value={filling}>
      <div className="markdown">
        {pieces.map(({ part, seen }, index) =>
          part.kind === 'markdown' ? (
            <Markdown
              key={index}
              remarkPlugins={[remarkGfm, remarkHtmlAsText, remarkDepthLimit]}
              rehypePlugins={[[rehypeHeadingIds, { seen }], rehypeTaskListLabels]}
              components={components}
              urlTransform={(url) => url}
            >
              {part.text}
            </Markdown>
          ) : (
            <div key={index} className="plain-part">
              <p className="plain-part-reason">{part.reason}</p>
              <ScrollablePre label="Text shown plain, scrolls">{part.text}</ScrollablePre>
            </div>
          ),
        )}
      </div>
    </FillingContext.Provider>
  );
}

/** Each part, with the heading slugs used before it, so anchors are numbered across the whole document. */
function piecesWithAnchorCounts(markdown: string): { part: RenderPart; seen: ReadonlyMap<string, number> }[] {
  const seen = new Map<string, number>();
  return renderParts(markdown).map((part) => {
    const before = new Map(seen);
    if (part.kind === 'markdown') headingAnchors(part.text, seen);
    return { part, seen: before };
  });
}

function SafeLink({ href, fromPath, runbookId, children }: { href: string; fromPath: string; runbookId?: string; children: ReactNode }) {
  const target = classifyLink(href);
  if (target.kind === 'external') {
    // The desktop host opens new windows only through the URL rules, in the system browser.
    return (
      <a href={target.url} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    );
  }
  if (target.kind === 'internal') {
    // The roster or a message template: the on-call or messages place.
    const place = linkedLibraryPlace(fromPath, target.href);
    if (place) return <a href={hashOf(place.kind === 'oncall' ? { name: 'oncall' } : { name: 'messages', id: place.id })}>{children}</a>;
    // Another runbook of the library (`../db/restore.md#verify`, a folder), or a section of this one.
    const linked = target.href.startsWith('#') ? runbookId && { id: runbookId, section: target.href.slice(1) } : resolveLinkTarget(fromPath, target.href);
    if (linked) return <a href={hashOf({ name: 'runbook', ...linked })}>{children}</a>;
    if (target.href.startsWith('#')) return <span className="anchor-link">{children}</span>;
  }
  return (
    <span className="blocked-link" title={target.kind === 'blocked' ? `Link not opened: ${target.reason}` : 'Link not opened'}>
      {children}
    </span>
  );
}

const FillingContext = createContext<CommandFilling | undefined>(undefined);

function FilledBlock({ command }: { command: string }) {
  const filling = useContext(FillingContext);
  return filling ? <FilledCommand command={command} filling={filling} /> : null;
}

function FilledCode({ text }: { text: string }) {
  const filling = useContext(FillingContext);
  return filling ? <FilledInline text={text} filling={filling} /> : <code>{text}</code>;
}
