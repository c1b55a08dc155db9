/**
 * Keeps a failure in one view from blanking the window: the view says what broke and offers to try again,
 * while the rest of the app (other panes, the cluster list) keeps working.
 */
import { Component, type ReactNode } from 'react';
import { StateMessage } from './StateMessage';

interface Props {
  /** Changing this (e.g. the view or cluster) clears a previous failure. */
  resetKey: string;
  /** Already translated: "This view failed." */
  title: string;
  children: ReactNode;
}

interface State {
  error?: Error;
  key: string;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.key ? null : { key: props.resetKey, error: undefined };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <StateMessage
        kind="error"
        text={this.props.title}
        detail={this.state.error.message}
        onRetry={() => this.setState({ error: undefined })}
      />
    );
  }
}
