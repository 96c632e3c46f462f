import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { ElevationCancelledError } from '../dialogs/elevation-cancelled.js';

export type AlertContent = { message: string; hints?: readonly string[] };

/**
 * Shows what went wrong, in an element with role="alert": the server's own message (already in the
 * chosen language) with its hints as a list, or a message of the web app itself.
 */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  // Closing the fresh-code dialog changed nothing; there is nothing to report.
  if (error === null || error === undefined || error instanceof ElevationCancelledError) return null;
  const content = toContent(error, t('errors.unexpected'));
  return (
    <div role="alert" className="alert alert-error">
      <p className="alert-message">{content.message}</p>
      {content.hints && content.hints.length > 0 && (
        <ul className="alert-hints">
          {content.hints.map((hint) => (
            <li key={hint}>{hint}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function toContent(error: unknown, fallback: string): AlertContent {
  if (error instanceof ApiError) return { message: error.message, hints: error.hints };
  if (isAlertContent(error)) return error;
  return { message: fallback };
}

function isAlertContent(value: unknown): value is AlertContent {
  return typeof value === 'object' && value !== null && 'message' in value && typeof value.message === 'string';
}
