// How much of a pasted alert is read. An alert is outside input (a payload, an e-mail, an SMS a
// stranger could have written): these bound the work and what reaches the screen or a command.
export const ALERT_LIMITS = {
  /** Text read at most (characters); more is cut here and said. */
  maxTextChars: 1024 * 1024,
  /** JSON nested deeper is not parsed (a real payload is 4 levels deep). */
  maxJsonDepth: 64,
  /** Alerts kept of one paste; the others are counted. */
  maxAlerts: 1000,
  /** Labels, and annotations, kept per alert. */
  maxLabels: 100,
  /** A label name longer than this is left out (Prometheus names are short identifiers). */
  maxLabelNameChars: 128,
  /** A label value longer than this is left out: it would fill a parameter. */
  maxLabelValueChars: 4096,
  /** An annotation longer than this is left out (descriptions are a few sentences). */
  maxAnnotationChars: 16 * 1024,
} as const;
