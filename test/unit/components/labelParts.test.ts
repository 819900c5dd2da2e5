import { describe, expect, it } from 'vitest';
import { defaultAccountLabels } from '../../../src/components/accountLabels.js';
import { defaultBookerLabels } from '../../../src/components/booking/bookerLabels.js';
import { defaultBookingFormLabels } from '../../../src/components/booking/bookingFormLabels.js';
import { defaultBookingsListLabels } from '../../../src/components/booking/bookingsListLabels.js';
import { defaultConfirmationLabels } from '../../../src/components/booking/confirmationLabels.js';
import { defaultEventTypeListLabels } from '../../../src/components/booking/eventTypeListLabels.js';
import { defaultSeatsLabels } from '../../../src/components/booking/seatsLabels.js';
import { defaultSlotPickerLabels } from '../../../src/components/booking/slotPickerLabels.js';
import { defaultCommonLabels } from '../../../src/components/commonLabels.js';
import { defaultBookingsLabels } from '../../../src/components/labels.js';

const parts = {
  common: defaultCommonLabels,
  slotPicker: defaultSlotPickerLabels,
  eventTypeList: defaultEventTypeListLabels,
  bookingForm: defaultBookingFormLabels,
  confirmation: defaultConfirmationLabels,
  booker: defaultBookerLabels,
  account: defaultAccountLabels,
  bookingsList: defaultBookingsListLabels,
  seats: defaultSeatsLabels,
};

describe("the components' label modules", () => {
  it('each label is stated in exactly one part, and the parts make up defaultBookingsLabels', () => {
    const seen = new Map<string, string>();
    for (const [part, labels] of Object.entries(parts)) {
      for (const key of Object.keys(labels)) {
        expect(seen.get(key), `${key} in ${part}`).toBeUndefined();
        seen.set(key, part);
      }
    }
    expect([...seen.keys()].sort()).toEqual(Object.keys(defaultBookingsLabels).sort());
  });

  it("defaultBookingsLabels holds each part's own values", () => {
    for (const labels of Object.values(parts)) {
      for (const [key, value] of Object.entries(labels)) {
        expect(defaultBookingsLabels[key as keyof typeof defaultBookingsLabels], key).toBe(value);
      }
    }
  });
});
