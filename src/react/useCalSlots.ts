'use client';

import { hashKey, type UseQueryResult } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { CalSlots, CalSlotsParams } from '../calapi/types.js';
import { calSlotsQueryOptions } from '../session/calApiQueryOptions.js';
import { isBookingsVisitor } from '../session/visitor.js';
import { DAY_MS } from '../time/days.js';
import { useBookingsContext } from './BookingsContext.js';
import { type CalQueryError, type CalQueryHookOptions, useCalQuery } from './useCalApi.js';
import { whenIdle } from './whenIdle.js';

export interface UseCalSlotsOptions<TData = CalSlots> extends CalQueryHookOptions<CalSlots, TData> {
  /**
   * Fetch the range after this one once the browser is idle, so paging forward shows slots at once:
   * `true` for the range of the same length that follows (`nextSlotsRange`), or a function giving the
   * next params (a calendar month is not a fixed length), `false` for none. @default true
   */
  prefetchNextRange?: boolean | ((params: CalSlotsParams) => CalSlotsParams | undefined);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The range that follows `params`, as long as it: `start`/`end` as dates (`YYYY-MM-DD`, `end`
 * inclusive, as Cal.com reads them) or as instants. `undefined` when they do not parse.
 */
export function nextSlotsRange(params: CalSlotsParams): CalSlotsParams | undefined {
  const start = Date.parse(params.start);
  const end = Date.parse(params.end);
  if (!(end >= start)) return undefined;
  if (DATE_ONLY.test(params.start) && DATE_ONLY.test(params.end)) {
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    return { ...params, start: day(end + DAY_MS), end: day(end + DAY_MS + end - start) };
  }
  return {
    ...params,
    start: new Date(end).toISOString(),
    end: new Date(end + end - start).toISOString(),
  };
}

/**
 * Everything but the range, compared as TanStack compares keys (property order aside): slots of
 * another event type, zone or duration are never shown as placeholder.
 */
function sameSlotsSource(previous: unknown, next: unknown): boolean {
  const { start: _a, end: _b, ...rest } = previous as CalSlotsParams;
  const { start: _c, end: _d, ...nextRest } = next as CalSlotsParams;
  return hashKey([rest]) === hashKey([nextRest]);
}

/**
 * Free slots of an event type between `start` and `end`, per day of `timeZone`
 * (`{ 'YYYY-MM-DD': [{ start }] }`, times with that zone's offset). While another range loads, the
 * previous one stays on screen (`isPlaceholderData`); once a range is shown, the next one is
 * prefetched when the browser is idle. Nothing is fetched while `params` is undefined.
 */
export function useCalSlots<TData = CalSlots>(
  params: CalSlotsParams | undefined,
  { prefetchNextRange = true, ...options }: UseCalSlotsOptions<TData> = {},
): UseQueryResult<TData, CalQueryError> {
  const context = useBookingsContext('useCalSlots');
  const query = useCalQuery(
    'useCalSlots',
    (source) => calSlotsQueryOptions(source, params ?? ({} as CalSlotsParams)),
    options,
    !!params,
    sameSlotsSource,
    true,
  );
  // Only while this query may fetch: a disabled hook or session prefetches nothing either (a
  // visitor's session does: slots are Cal.com's to anyone).
  const shown =
    (context.enabled || isBookingsVisitor(context.session)) &&
    options.enabled !== false &&
    query.isSuccess &&
    !query.isPlaceholderData;
  const next =
    shown && prefetchNextRange && params
      ? typeof prefetchNextRange === 'function'
        ? prefetchNextRange(params)
        : nextSlotsRange(params)
      : undefined;
  const nextKey = next && hashKey([next]);
  const { session, tokenManager } = context;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `next` is compared by value through `nextKey`.
  useEffect(() => {
    if (!next) return;
    // Not retried: a background guess must not spend a rate limit the visible range needs.
    const prefetch = () =>
      void session.queryClient.prefetchQuery({
        ...calSlotsQueryOptions(session, next),
        retry: false,
      });
    return whenIdle(prefetch, 2_000, 200);
  }, [nextKey, session, tokenManager]);
  return query;
}
