/**
 * Base of every module's error type. A module declares a code enum and an exhaustive
 * code -> Russian message map, then throws `new XError(code, details)`. The global filter
 * renders it once as application/problem+json (RFC 9457).
 */
export interface ProblemField {
  /** Path of the offending field or query parameter, e.g. `items[2].date` or `from`. */
  field: string;
  /** Russian explanation for a person. */
  message: string;
}

export abstract class DomainError extends Error {
  protected constructor(
    /** Stable machine code, `MODULE.REASON`, e.g. `CALENDAR.YEAR_UNKNOWN`. */
    readonly code: string,
    /** HTTP status the problem maps to. */
    readonly status: number,
    /** Russian message a person reads. */
    message: string,
    /** Extra members of the problem document (clause, ids, dates…); never secrets or SQL. */
    readonly details: Record<string, unknown> = {},
    readonly fields: ProblemField[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}
