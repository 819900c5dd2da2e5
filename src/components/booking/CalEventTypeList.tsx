'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useId } from 'react';
import type { CalEventType } from '../../calapi/types.js';
import type { CalQueryError } from '../../react/useCalApi.js';
import { useCalEventTypes } from '../../react/useCalQueries.js';
import { formatMinutes } from '../../time/format.js';
import { BookingsErrorMessage } from '../BookingsErrorMessage.js';
import { useBookingsLabels } from '../BookingsLabelsContext.js';
import { classNames } from '../classNames.js';
import type { BookingsLabelsOverrides } from '../labels.js';

/** `data-state` of `CalEventTypeList`'s root. */
export type CalEventTypeListState = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

export interface CalEventTypeListProps {
  /** Called with the event type chosen. */
  onSelect: (eventType: CalEventType) => void;
  /** The chosen event type's id (its button is pressed). @default undefined */
  selected?: number | undefined;
  /** List this Cal.com user's public event types. @default the signed-in user's own */
  username?: string | undefined;
  /**
   * The query to show instead of fetching (e.g. `useCalBookingFlow().eventTypes`).
   * @default useCalEventTypes({ username })
   */
  query?: UseQueryResult<CalEventType[], CalQueryError> | undefined;
  /** Also list hidden event types. @default false */
  showHidden?: boolean;
  /** Extra class names for the root, which always has `aisq-event-types`. @default undefined */
  className?: string;
  /** Labels for this list only. @default undefined */
  labels?: BookingsLabelsOverrides;
}

/**
 * The event types to book: title, length and description, one button each, named by its title and
 * length and described by its description (`aria-pressed` on each when `selected` is given). Hidden event types are left out unless `showHidden`. A view over `useCalEventTypes`.
 *
 * Root: `.aisq-event-types[data-state="idle" | "loading" | "ready" | "empty" | "error"]`.
 */
export function CalEventTypeList({
  onSelect,
  selected,
  username,
  query: given,
  showHidden = false,
  className,
  labels: labelsProp,
}: CalEventTypeListProps): ReactNode {
  const labels = useBookingsLabels(labelsProp);
  const id = useId();
  const own = useCalEventTypes(username === undefined ? undefined : { username }, {
    enabled: !given,
  });
  const query = given ?? own;
  const types = query.data?.filter((type) => showHidden || !type.hidden);
  const state: CalEventTypeListState = types
    ? types.length > 0
      ? 'ready'
      : 'empty'
    : query.error
      ? 'error'
      : query.fetchStatus === 'idle'
        ? 'idle'
        : 'loading';
  let content: ReactNode = null;
  if (state === 'loading') {
    content = <p className="aisq-event-types__message">{labels.eventTypeListLoading}</p>;
  } else if (state === 'empty') {
    content = <p className="aisq-event-types__message">{labels.eventTypeListEmpty}</p>;
  } else if (state === 'error') {
    content = (
      <BookingsErrorMessage
        error={query.error}
        onRetry={() => void query.refetch()}
        labels={labelsProp}
      />
    );
  } else if (types) {
    content = (
      <ul className="aisq-event-types__list">
        {types.map((type, index) => {
          // Named by its content, title and length; the description is hidden from the name and read
          // as the description (an aria-labelledby name would not contain all the visible text).
          const item = `${id}-${index}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: Cal.com may repeat an id; the items hold no state.
            <li key={`${index}-${type.id}`}>
              <button
                type="button"
                className="aisq-event-types__item"
                aria-pressed={selected === undefined ? undefined : selected === type.id}
                aria-describedby={type.description ? `${item}-d` : undefined}
                data-slug={type.slug}
                onClick={() => onSelect(type)}
              >
                {/* Cal.com's text in <bdi>: a direction override in it cannot reorder the rest. */}
                <bdi className="aisq-event-types__name">{type.title}</bdi>{' '}
                <span className="aisq-event-types__length">
                  {formatMinutes(type.lengthInMinutes, labels.locale)}
                </span>
                {type.description ? (
                  <bdi
                    id={`${item}-d`}
                    aria-hidden="true"
                    className="aisq-event-types__description"
                  >
                    {type.description}
                  </bdi>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
    );
  }
  return (
    <section
      aria-label={labels.eventTypeListTitle}
      aria-busy={state === 'loading' || undefined}
      className={classNames('aisq-event-types', className)}
      data-state={state}
    >
      {content}
    </section>
  );
}
