/**
 * Simulated time. Nothing in the domain reads the wall clock (STYLE.md habit 6: all time from
 * a clock passed in); whoever drives a simulation holds a Clock and hands its dates to the rules.
 * The lifecycle machine keeps its own date in its context (snapshots must stay plain data) and
 * moves it only through its `tick` action, which uses the same `addDays`.
 */
import { addDays, isIsoDate } from './dates';

export interface Clock {
  /** The simulated instant, ISO date-time in UTC (`2026-03-02T00:00:00.000Z`). */
  now(): string;
  /** The simulated calendar date (yyyy-mm-dd). */
  today(): string;
  /** Moves simulated time on by whole days (never back). */
  advance(days: number): void;
}

/** A clock that starts on a given date and moves only when told to. */
export class SimulatedClock implements Clock {
  #today: string;

  constructor(start: string) {
    if (!isIsoDate(start))
      throw new RangeError(`SimulatedClock: "${start}" is not a date YYYY-MM-DD`);
    this.#today = start;
  }

  now(): string {
    return `${this.#today}T00:00:00.000Z`;
  }

  today(): string {
    return this.#today;
  }

  advance(days: number): void {
    if (!Number.isInteger(days) || days < 0)
      throw new RangeError(`SimulatedClock.advance: ${days} is not a whole number of days ≥ 0`);
    this.#today = addDays(this.#today, days);
  }
}
