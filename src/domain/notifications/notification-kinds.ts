/**
 * What an in-app notification ("bericht") can be about. A notification stores only its kind and ids
 * (case, subject, due date): the web app writes the sentence from the kind when it is read, so no
 * pupil's name or case content is ever copied into one.
 */
export const NOTIFICATION_KINDS = [
  /** A meldcode case was started at your school (to the IB'er). */
  'case.started',
  /** You were made casushouder of a case. */
  'case.casushouder-assigned',
  /** You were added to a case's team. */
  'case.team-added',
  /** Someone opened a case through emergency access (to the casushouder). */
  'case.break-glass',
  /** An agreement (afspraak) of your case is due today. */
  'agreement.due',
  /** A monitoring moment of your case is due today. */
  'monitoring.due',
  /** Five working days after your report, no feedback from Veilig Thuis is recorded yet. */
  'report.feedback-due',
  /** The verwijsindex registration of your case lapses soon: decide whether to register again. */
  'risk-index.lapsing',
  /** The team set today to look again whether the conversation with the parents can be held. */
  'parent-conversation.reconsider',
  /** An aftercare review of your case is planned for today. */
  'aftercare.review-due',
  /** A closed case is due for destruction: confirm it on Bewaartermijnen (to the IB'ers). */
  'retention.due',
  /** A destruction due for 30 days is still not confirmed (to directie). */
  'retention.escalated',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
