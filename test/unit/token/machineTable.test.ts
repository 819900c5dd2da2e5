import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BookingsApiError, type BookingsErrorKind } from '../../../src/client/errors.js';
import {
  type Deadline,
  initialState,
  type MachineEvent,
  type MachineState,
  type Phase,
  transition,
} from '../../../src/token/machine.js';
import type { CalToken } from '../../../src/token/types.js';
import { tokenResponse } from './answers.js';
import { HOUR, MINUTE, SECOND, T0 } from './clock.js';

// The token machine's table in docs/architecture.md, each row driven through `transition`.
const DOC = join(import.meta.dirname, '../../../docs/architecture.md');
const HEADER = ['Phase', 'Event', 'When', 'Next phase', 'Effects', 'Notes'];

interface Row {
  readonly phase: Phase;
  readonly event: string;
  readonly when: readonly string[];
  readonly next: Phase;
  readonly effects: readonly string[];
}

const list = (cell: string) => (cell === '–' ? [] : cell.split(',').map((item) => item.trim()));

/** The rows of the one table under "### The state machine" whose header is HEADER. */
function tableRows(markdown: string): Row[] {
  const section = markdown.split('\n### The state machine\n')[1]?.split('\n## ')[0] ?? '';
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((cell) => cell.trim());
  const lines = section.split('\n');
  const start = lines.findIndex((line) => cells(line).join() === HEADER.join());
  expect(start, 'the table header in docs/architecture.md').toBeGreaterThanOrEqual(0);
  const rows: Row[] = [];
  // The rows: every line after the header's separator, up to the first that is not a table row.
  for (const line of lines.slice(start + 2)) {
    if (!line.trim().startsWith('|')) break;
    const [phase, event, when, next, effects] = cells(line);
    rows.push({
      phase: phase as Phase,
      event: event!,
      when: list(when!),
      next: next as Phase,
      effects: list(effects!),
    });
  }
  return rows;
}

const at = (ms: number): Deadline => ({ w: T0 + ms, m: T0 + ms });
const token = (expiresIn: number): CalToken => ({
  accessToken: 'cal-secret-table',
  tokenType: 'Bearer',
  expiresAt: T0 + expiresIn,
  calClientId: 'cal-client-1',
  integrationStatus: 'existing',
  refreshed: true,
});
const apiError = (kind: BookingsErrorKind) => new BookingsApiError({ kind, endpoint: 'token' });

/** A token held since 10 minutes ago for an hour, refreshed at `refreshIn` from now. */
const held = (refreshIn: number): Partial<MachineState> => ({
  token: token(HOUR),
  expiry: at(HOUR),
  refreshAt: at(refreshIn),
  issuedAt: T0 - 10 * MINUTE,
  status: 'ready',
  due: at(refreshIn),
});

/** What each "When" word means for the state. */
const CONDITIONS: Record<string, Partial<MachineState>> = {
  'fresh token': held(50 * MINUTE),
  'refresh due': held(-SECOND),
  'no token': {},
  unauthorized: { status: 'unauthorized', error: apiError('unauthorized') },
  'Web Locks': { locks: true },
  channel: { channel: true },
  'tabs heard': { channel: true, peers: true },
  hidden: { focused: false },
  offline: { online: false },
  gap: { floor: T0 + SECOND, repliedAt: T0 - SECOND, starts: [T0 - 4 * SECOND] },
  'wait over': { due: at(-1) },
  '4 failures': { failures: 4 },
  reported: { reported: true },
  // Event words: read by `eventFor`.
  forced: {},
  contended: {},
  'theirs newer': {},
};

/** The state a phase has before its row's "When" applies. */
const PHASE_STATES: Record<Phase, Partial<MachineState>> = {
  off: {},
  idle: {},
  lock: { status: 'loading', locks: true, startedAt: at(-500) },
  query: { status: 'loading', locks: true, channel: true, due: at(100), startedAt: at(-500) },
  fetch: { status: 'loading', startedAt: at(-500), starts: [T0 - 500] },
  done: {},
};

function eventFor(name: string, when: readonly string[], state: MachineState): MachineEvent {
  switch (name) {
    case 'start':
      return {
        type: 'start',
        focused: true,
        online: true,
        locks: state.locks,
        chan: state.channel,
      };
    case 'due':
    case 'dispose':
      return { type: name };
    case 'get':
      return { type: 'get', force: when.includes('forced') };
    case 'locked':
      return { type: 'locked', contended: when.includes('contended') };
    case 'ok':
      return { type: 'ok', body: tokenResponse() };
    case 'ok: malformed':
      return { type: 'ok', body: tokenResponse({ access_token: '' }) };
    case 'focus':
    case 'online':
      return { type: name, value: true };
    case 'message: token':
      return { type: 'message', data: { type: 'token', token: token(2 * HOUR), issuedAt: T0 } };
    case 'message: query':
      return {
        type: 'message',
        data: { type: 'query', have: when.includes('theirs newer') ? T0 + 3 * HOUR : 0 },
      };
    default:
      if (name.startsWith('fail: ')) {
        return { type: 'fail', error: apiError(name.slice(6) as BookingsErrorKind) };
      }
      throw new Error(`no event for "${name}" in the test`);
  }
}

const rows = tableRows(readFileSync(DOC, 'utf8'));

describe('the token machine is its table (docs/architecture.md)', () => {
  it('has a row for every phase, and for every event of the machine', () => {
    expect(new Set(rows.map((row) => row.phase))).toEqual(
      new Set(['off', 'idle', 'lock', 'query', 'fetch', 'done']),
    );
    const events = new Set(rows.map((row) => row.event.split(':')[0]));
    for (const type of ['start', 'due', 'get', 'locked', 'ok', 'fail', 'focus', 'online']) {
      expect(events).toContain(type);
    }
    expect(events).toContain('message');
    expect(events).toContain('dispose');
  });

  it.each(
    rows.map((row) => [
      `${row.phase} + ${row.event}${row.when.length ? ` (${row.when.join(', ')})` : ''}`,
      row,
    ]),
  )('%s', (_name, row) => {
    let state: MachineState = { ...initialState(), ...PHASE_STATES[row.phase], phase: row.phase };
    for (const word of row.when) {
      const patch = CONDITIONS[word];
      if (!patch) throw new Error(`"${word}" is not a condition the test knows`);
      state = { ...state, ...patch };
    }
    const event = eventFor(row.event, row.when, state);
    // Frozen: the state given is never changed (a write would throw).
    const result = transition(Object.freeze(state), { ...event, w: T0, m: T0, r: 0 });

    const planned = row.phase !== 'done' && row.event !== 'dispose';
    expect(result.state.phase).toBe(row.next);
    expect(result.effects.map((effect) => effect.type)).toEqual([
      ...row.effects,
      ...(planned ? ['arm'] : []),
    ]);
  });
});
