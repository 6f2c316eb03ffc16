// Shows a readable message instead of a blank window when a view throws.
import { Component, type ReactNode } from 'react'
import { i18n } from '../i18n'

type Props = { children: ReactNode; resetKey?: string }
type State = { error: Error | null }

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  componentDidUpdate(prev: Props) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null })
  }

  componentDidCatch(error: Error) {
    console.error(error)
  }

  render() {
    const { error } = this.state
    if (!error) return this.props.children
    const t = i18n.getFixedT(null, 'common')
    return (
      <div className="error-panel" role="alert">
        <h2>{t('errorTitle')}</h2>
        <p>{t('errorText')}</p>
        <pre className="error-detail">{error.message}</pre>
        <div className="row-gap">
          <button className="btn btn-primary" onClick={() => this.setState({ error: null })}>
            {t('tryAgain')}
          </button>
          <button className="btn" onClick={() => window.location.reload()}>
            {t('reload')}
          </button>
        </div>
      </div>
    )
  }
}
