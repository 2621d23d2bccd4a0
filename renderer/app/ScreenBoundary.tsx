import { Component, type ReactNode } from 'react';
import { paletteShortcutLabel } from '../ui/shortcut-label';

interface Props {
  /** What the screen shows, in a responder's words: "This runbook", "The library". */
  what: string;
  children: ReactNode;
}

interface State {
  error?: Error;
}

/**
 * One per screen: a screen that throws while rendering (a runbook no renderer can cope with) says
 * so in place, and the header, the search and every other screen keep working. App gives each
 * route its own key, so moving elsewhere starts with a fresh boundary.
 */
export class ScreenBoundary extends Component<Props, State> {
  state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="screen-error" role="alert">
        <h1>{this.props.what} cannot be shown</h1>
        <p>
          Failsafe could not display it: {this.state.error.message || 'an unexpected error'}. Nothing was changed, and the
          rest of the app works: search with <kbd>{paletteShortcutLabel()}</kbd> or go back to the <a href="#/">library</a>.
        </p>
      </div>
    );
  }
}
