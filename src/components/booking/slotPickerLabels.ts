/** The English labels of `CalSlotPicker` and its time zone selector; their type is this object's. */
export const defaultSlotPickerLabels = {
  /** Accessible name of the picker's region. */
  slotPickerTitle: 'Choose a day and time',
  /** The button to the month before. */
  slotPickerPreviousMonth: 'Previous month',
  /** The button to the month after. */
  slotPickerNextMonth: 'Next month',
  /** Accessible name of a day with times; `date` is the full date. */
  slotPickerDayAvailable: (date: string) => `${date}, times available`,
  /** Accessible name of a past day or a day without times. */
  slotPickerDayUnavailable: (date: string) => `${date}, no times`,
  /** While the month's times load. */
  slotPickerLoading: 'Loading times…',
  /** A month without any time. */
  slotPickerEmptyMonth: 'No times this month.',
  /** Button to the first day with times in the next month. */
  slotPickerNextAvailable: (date: string) => `Next available: ${date}`,
  /** Button to the next month when it is not known to have times. */
  slotPickerCheckNextMonth: 'Check next month',
  /** Before a day is chosen. */
  slotPickerChooseDay: 'Choose a day to see its times.',
  /** A chosen day without times. */
  slotPickerNoTimesOnDay: 'No times on this day.',
  /** Under the chosen day: the zone of the times; `zone` reads "Europe/Berlin (GMT+1)". */
  slotPickerTimesIn: (zone: string) => `Times in ${zone}`,
  /** Label of the time zone selector. */
  slotPickerTimeZone: 'Time zone',
  /** A zone in the selector, with its current offset ("GMT+1"). */
  slotPickerTimeZoneOption: (zone: string, offset: string) => `${zone} (${offset})`,
  /** The selector's filter matched nothing. */
  slotPickerTimeZoneNoMatch: 'No matching time zone.',
  /** Loading the month's times failed; followed by the error. */
  slotPickerError: 'Could not load the times.',
};

export type SlotPickerLabels = typeof defaultSlotPickerLabels;
