/** The person closed the fresh-code dialog: nothing was changed, and nothing needs to be said. */
export class ElevationCancelledError extends Error {
  constructor() {
    super('elevation cancelled');
    this.name = 'ElevationCancelledError';
  }
}
