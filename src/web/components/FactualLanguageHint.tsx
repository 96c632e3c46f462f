import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTERPRETIVE_KINDS, factualLanguageAdvice, findInterpretiveWords, type InterpretiveKind } from '../../domain/cases/signals/factual-language.js';
import { useFormatList } from '../hooks/useFormat.js';

// Wait until the person pauses before looking again: mid-word, "lui" would come and go on the way
// to "luidruchtig", and a screen reader would announce each change.
const PAUSE_MS = 700;

/**
 * A calm note under a description field: which words sound like an interpretation, a judgement, a
 * conclusion or a generalisation, and the question that helps write what was seen or heard instead.
 * It advises and never blocks saving.
 */
export function FactualLanguageHint({ text }: { text: string }) {
  const { t, i18n } = useTranslation();
  const formatList = useFormatList();
  const settled = useSettledText(text);
  const language = i18n.language === 'en' ? 'en' : 'nl';

  const groups = useMemo(() => wordsByKind(settled), [settled]);

  return (
    // Always in the page, so that a screen reader announces the note when it appears.
    <div className="factual-hint-region" aria-live="polite">
      {groups.length > 0 && (
        <div className="factual-hint">
          <p className="factual-hint-title">{t('factualHint.title')}</p>
          <ul className="factual-hint-list">
            {groups.map(({ kind, words }) => (
              <li key={kind}>
                <span className="factual-hint-words">
                  {t(`factualHint.kinds.${kind}`)}: {formatList(words.map((word) => t('factualHint.word', { word })))}.
                </span>{' '}
                {factualLanguageAdvice(kind)[language]}
              </li>
            ))}
          </ul>
          <p className="factual-hint-footer">{t('factualHint.notBlocking')}</p>
        </div>
      )}
    </div>
  );
}

/** The words found, once each however often they occur, grouped by kind in a fixed order. */
function wordsByKind(text: string): Array<{ kind: InterpretiveKind; words: string[] }> {
  const matches = findInterpretiveWords(text);
  return INTERPRETIVE_KINDS.map((kind) => {
    const seen = new Map<string, string>();
    for (const match of matches) {
      const key = match.word.toLocaleLowerCase().replace(/\s+/g, ' ');
      if (match.kind === kind && !seen.has(key)) seen.set(key, match.word.replace(/\s+/g, ' '));
    }
    return { kind, words: [...seen.values()] };
  }).filter((group) => group.words.length > 0);
}

/** The text as it was when the person last paused; the first text at once, so saved text shows its note. */
function useSettledText(text: string): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return settled;
}
