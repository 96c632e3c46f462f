import { questionById, type QuestionId } from '../../../../domain/cases/afwegingskader/questions.js';
import { currentLanguage } from '../../../i18n/index.js';

/**
 * The help the domain gives with a question, in the chosen language: the definitions of acute and
 * structural unsafety with their examples, "doubt counts as yes", what effective help means in a school.
 */
export function QuestionHelpList({ question }: { question: QuestionId }) {
  const lang = currentLanguage();
  return (
    <div className="weighing-help-body">
      {questionById(question).help.map((help) => (
        <div key={help.title.nl} className="weighing-help-item">
          <p className="weighing-help-title">{help.title[lang]}</p>
          <p className="weighing-help-text">{help.body[lang]}</p>
          {help.examples && help.examples.length > 0 && (
            <ul className="weighing-help-examples">
              {help.examples.map((example) => (
                <li key={example.nl}>{example[lang]}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}
