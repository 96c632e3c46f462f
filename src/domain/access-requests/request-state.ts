/**
 * Once a request is exported, what was handed over is on record: its withholdings no longer change.
 * Exporting it again gives the same parts withheld on the same grounds; a new request starts anew.
 */
export function mayChangeWithholdings(request: { exportedAt: string | null }): boolean {
  return request.exportedAt === null;
}
