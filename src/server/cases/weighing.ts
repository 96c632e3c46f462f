import type { WeighingView } from '../../contract/cases.js';
import { QUESTION_IDS } from '../../domain/cases/afwegingskader/questions.js';
import { canAnswer, fromEscalation, weigh, type AnswerRecord } from '../../domain/cases/afwegingskader/weighing.js';
import type { EntryVersion } from '../../domain/cases/case-entry.js';

/** A weighing answer as stored in its entry (who and when are the entry's). */
export interface WeighingAnswerBody {
  question: AnswerRecord['question'];
  answer: AnswerRecord['answer'];
  unsafety: AnswerRecord['unsafety'] | null;
  reasoning: string;
  answeredOn: string;
  participants: string[];
  veiligThuisTookPart: boolean;
  termUntil: string | null;
}

/** A record the weighing replays, with the entry it came from (null for step 3's decision). */
export interface SourcedRecord {
  entryId: string | null;
  record: AnswerRecord;
}

/**
 * The weighing's records from a case's entries, in the order they were recorded: step 3's decision
 * to report at once enters as Q1 and Q2 yes; then every answer given in step 5.
 */
export function weighingRecords(current: readonly EntryVersion[]): SourcedRecord[] {
  const records: SourcedRecord[] = [];
  for (const v of current) {
    if (v.kind === 'escalation-decision') {
      const body = v.body as { decision: string; reasoning: string };
      if (body.decision === 'report-now') for (const record of fromEscalation(body.reasoning, v.recordedAt.slice(0, 10), v.recordedBy, v.recordedAt)) records.push({ entryId: null, record });
    }
    if (v.kind === 'weighing-answer') {
      const b = v.body as WeighingAnswerBody;
      records.push({
        entryId: v.entryId,
        record: {
          question: b.question,
          answer: b.answer,
          ...(b.unsafety ? { unsafety: b.unsafety } : {}),
          reasoning: b.reasoning,
          answeredOn: b.answeredOn,
          participants: b.participants,
          veiligThuisTookPart: b.veiligThuisTookPart,
          recordedAt: v.recordedAt,
          recordedBy: v.recordedBy,
          ...(b.termUntil ? { termUntil: b.termUntil } : {}),
        },
      });
    }
  }
  return records;
}

/** The weighing as the case page shows it. */
export function presentWeighing(records: readonly SourcedRecord[], nameOf: (userId: string) => string): WeighingView {
  const state = weigh(records.map((r) => r.record));
  const answer = (source: SourcedRecord) => ({
    entryId: source.entryId,
    question: source.record.question,
    answer: source.record.answer,
    unsafety: source.record.unsafety ?? null,
    reasoning: source.record.reasoning,
    answeredOn: source.record.answeredOn,
    // Step 3's decision names its decider by id: shown, like every participant, by name.
    participants: source.record.origin === 'escalation' ? source.record.participants.map(nameOf) : source.record.participants,
    veiligThuisTookPart: source.record.veiligThuisTookPart,
    termUntil: source.record.termUntil ?? null,
    recordedBy: { userId: source.record.recordedBy, name: nameOf(source.record.recordedBy) },
    recordedAt: source.record.recordedAt,
    fromEscalation: source.record.origin === 'escalation',
  });
  return {
    path: state.path.map((step) => ({
      ...answer(records[step.recordIndex]!),
      togetherWithVeiligThuis: step.togetherWithVeiligThuis,
      report: step.report,
      leadsTo: step.leadsTo,
      explanation: step.explanation,
    })),
    superseded: state.records.flatMap((status, index) => (status.state === 'superseded' ? [answer(records[index]!)] : [])),
    next: state.next,
    nextTogetherWithVeiligThuis: state.nextTogetherWithVeiligThuis,
    outcome: { kind: state.outcome.kind, termUntil: state.outcome.kind === 'help-started' ? state.outcome.termUntil : null },
    reportRequired: state.reportRequired,
    answerable: QUESTION_IDS.filter((q) => canAnswer(state, q)),
  };
}
