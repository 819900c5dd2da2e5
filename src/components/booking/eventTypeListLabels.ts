/** The English labels of `CalEventTypeList`; their type is this object's. */
export const defaultEventTypeListLabels = {
  /** Accessible name of the event type list. */
  eventTypeListTitle: 'Meeting types',
  /** While the event types load. */
  eventTypeListLoading: 'Loading meeting types…',
  /** No (visible) event types. */
  eventTypeListEmpty: 'There is nothing to book here yet.',
};

export type EventTypeListLabels = typeof defaultEventTypeListLabels;
