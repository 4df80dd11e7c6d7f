import { StepError } from '../core/step-error.js';

/** A formula the user can fix; `position` is 1-based (the character where the problem starts). */
export class FormulaError extends StepError {
  readonly position: number;

  constructor(message: string, offset: number) {
    super(`${message} at position ${offset + 1}`, 'expression');
    this.position = offset + 1;
    Object.assign(this, { details: { field: 'expression', position: offset + 1 } });
  }
}
