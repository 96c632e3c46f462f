import type { CaseData } from './case-context.js';

/** The school's own principles (task division, the parent conversation), where the team needs them. */
export function Principles({ principles, compact = false }: { principles: CaseData['taskDivisionPrinciples']; compact?: boolean }) {
  return (
    <div className={compact ? 'case-principles case-principles-compact' : 'case-principles'} data-testid="case-principles">
      <p className="case-principles-title">{principles.title}</p>
      <ul className="case-principles-list">
        {principles.items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}
