// Typed domain errors with plain-English messages. lib/http.server.ts maps them to status codes.
export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Also used for records outside the viewer's scope: nobody learns that they exist. */
export class NotFound extends DomainError {}
export class Forbidden extends DomainError {}
export class Conflict extends DomainError {}
export class TransitionRejected extends DomainError {}
export class ValidationFailed extends DomainError {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
  }
}
