import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DomainError } from './errors.js';
import {
  allowedEvents,
  entryEvents,
  entryStates,
  isTerminalEntryState,
  reasonRequiredEvents,
  transitionEntry,
} from './entry.state-machine.js';
import type { EntryEvent, EntryState, EntryTransitionContext } from './entry.state-machine.js';

/** The lifecycle as specified, written out independently of the implementation. */
const expected: ReadonlyArray<readonly [EntryState, EntryEvent, EntryState]> = [
  ['draft', 'submit', 'submitted'],
  ['draft', 'withdraw', 'withdrawn'],
  ['submitted', 'unsubmit', 'draft'],
  ['submitted', 'nominate', 'nominated'],
  ['submitted', 'not_select', 'not_selected'],
  ['submitted', 'receive', 'received'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['submitted', 'disqualify', 'disqualified'],
  ['nominated', 'unnominate', 'submitted'],
  ['nominated', 'receive', 'received'],
  ['nominated', 'withdraw', 'withdrawn'],
  ['nominated', 'disqualify', 'disqualified'],
  ['not_selected', 'nominate', 'nominated'],
  ['not_selected', 'withdraw', 'withdrawn'],
  ['not_selected', 'disqualify', 'disqualified'],
  ['received', 'accept', 'accepted'],
  ['received', 'return_for_fix', 'returned'],
  ['received', 'reject', 'rejected'],
  ['received', 'withdraw', 'withdrawn'],
  ['received', 'disqualify', 'disqualified'],
  ['returned', 'resubmit', 'received'],
  ['returned', 'reject', 'rejected'],
  ['returned', 'withdraw', 'withdrawn'],
  ['returned', 'disqualify', 'disqualified'],
  ['accepted', 'publish', 'published'],
  ['accepted', 'score', 'scored'],
  ['accepted', 'withdraw', 'withdrawn'],
  ['accepted', 'disqualify', 'disqualified'],
  ['published', 'score', 'scored'],
  ['published', 'withdraw', 'withdrawn'],
  ['published', 'disqualify', 'disqualified'],
  ['scored', 'make_finalist', 'finalist'],
  ['scored', 'award', 'awarded'],
  ['scored', 'withdraw', 'withdrawn'],
  ['scored', 'disqualify', 'disqualified'],
  ['finalist', 'unmake_finalist', 'scored'],
  ['finalist', 'award', 'awarded'],
  ['finalist', 'withdraw', 'withdrawn'],
  ['finalist', 'disqualify', 'disqualified'],
];

/** A context that satisfies every check, so only the table decides. */
const fullCtx: EntryTransitionContext = { reason: 'Lý do đã ghi rõ', submissionWindowOpen: true };

const key = (s: EntryState, e: EntryEvent): string => `${s}/${e}`;
const expectedMap = new Map(expected.map(([s, e, to]) => [key(s, e), to]));

describe('transitionEntry', () => {
  it('follows the table for every allowed pair', () => {
    for (const [from, event, to] of expected) expect(transitionEntry(from, event, fullCtx)).toBe(to);
  });

  it('refuses every pair not in the table with a 409 naming the state and event', () => {
    let refused = 0;
    for (const state of entryStates) {
      for (const event of entryEvents) {
        if (expectedMap.has(key(state, event))) continue;
        refused++;
        try {
          transitionEntry(state, event, fullCtx);
          expect.unreachable(`${state} --${event}--> should be refused`);
        } catch (e) {
          expect(e).toBeInstanceOf(DomainError);
          const err = e as DomainError;
          expect(err.kind).toBe('conflict');
          expect(err.code).toBe('entry_illegal_transition');
          expect(err.localized.en).toContain(state);
          expect(err.localized.en).toContain(event);
          expect(err.localized.vi).toContain(event);
        }
      }
    }
    expect(refused).toBe(entryStates.length * entryEvents.length - expected.length);
  });

  it('lists allowed events consistently with the table', () => {
    for (const state of entryStates) {
      const mine = entryEvents.filter((e) => expectedMap.has(key(state, e)));
      expect(allowedEvents(state)).toEqual(mine);
    }
  });

  it('makes withdrawn, disqualified, awarded and rejected terminal', () => {
    for (const s of ['withdrawn', 'disqualified', 'awarded', 'rejected'] as const) {
      expect(isTerminalEntryState(s)).toBe(true);
      expect(allowedEvents(s)).toEqual([]);
    }
    expect(entryStates.filter(isTerminalEntryState)).toEqual([
      'rejected',
      'awarded',
      'withdrawn',
      'disqualified',
    ]);
  });

  it('requires a non-blank reason to reject, return, disqualify or drop a finalist', () => {
    expect(reasonRequiredEvents).toEqual(['reject', 'return_for_fix', 'disqualify', 'unmake_finalist']);
    const cases: Array<[EntryState, EntryEvent]> = [
      ['received', 'reject'],
      ['received', 'return_for_fix'],
      ['published', 'disqualify'],
      ['finalist', 'unmake_finalist'],
    ];
    for (const [state, event] of cases) {
      for (const reason of [undefined, '', '   ']) {
        expect(() => transitionEntry(state, event, reason === undefined ? {} : { reason })).toThrow(
          expect.objectContaining({ kind: 'bad_request', code: 'reason_required' }),
        );
      }
      expect(transitionEntry(state, event, { reason: 'Vi phạm bản quyền âm nhạc' })).toBeDefined();
    }
    expect(transitionEntry('published', 'withdraw')).toBe('withdrawn');
  });

  it('allows submit and unsubmit only while the submission window is open', () => {
    expect(() => transitionEntry('draft', 'submit')).toThrow(
      expect.objectContaining({ kind: 'conflict', code: 'submission_window_closed' }),
    );
    expect(() => transitionEntry('submitted', 'unsubmit', { submissionWindowOpen: false })).toThrow(
      expect.objectContaining({ code: 'submission_window_closed' }),
    );
    expect(transitionEntry('draft', 'submit', { submissionWindowOpen: true })).toBe('submitted');
    expect(transitionEntry('submitted', 'unsubmit', { submissionWindowOpen: true })).toBe('draft');
  });

  it('only ever reaches known states, and terminal states absorb (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...entryEvents), { maxLength: 40 }), (events) => {
        let state: EntryState = 'draft';
        for (const event of events) {
          const before: EntryState = state;
          try {
            state = transitionEntry(state, event, fullCtx);
          } catch {
            state = before;
          }
          expect(entryStates).toContain(state);
          if (isTerminalEntryState(before)) expect(state).toBe(before);
        }
      }),
    );
  });
});
