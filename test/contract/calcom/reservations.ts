/**
 * `/v2/slots/reservations` (`cal-api-version: 2024-09-04`) as Cal.com takes and answers it, written from
 * - packages/platform/types/slots/slots-2024-09-04/inputs/reserve-slot.input.ts @ 03670679c00d600615e8df2bc64545bd51c61646
 * - packages/platform/types/slots/slots-2024-09-04/outputs/reserve-slot.output.ts @ 0c03d483f531350cf4598d82ab13cedfd527d092
 * - packages/platform/types/slots/slots-2024-09-04/outputs/get-reserved-slot.output.ts @ 03670679c00d600615e8df2bc64545bd51c61646
 *
 * POST and PATCH answer `ReserveSlotOutput_2024_09_04`; GET the same without `reservationDuration`
 * (`data: null` for an unknown uid); DELETE `{ status: 'success' }` alone. Times are UTC ISO strings.
 */
import type { Shape } from '../shape.js';

/** The body of POST and PATCH. */
export const reserveInputShape: Shape = {
  eventTypeId: 'number',
  slotStart: 'string',
  slotDuration: '?number',
  reservationDuration: '?number',
};

/** `data` of GET. */
export const reservedSlotShape: Shape = {
  eventTypeId: 'number',
  slotStart: 'string',
  slotEnd: 'string',
  slotDuration: 'number',
  reservationUid: 'string',
  reservationUntil: 'string',
};

/** `data` of POST and PATCH. */
export const reservationShape: Shape = { ...reservedSlotShape, reservationDuration: 'number' };

/** The e2e test's answer (slots controller e2e spec, `reserveSlot`). */
export const reservationSample = {
  eventTypeId: 10,
  slotStart: '2050-09-05T10:00:00.000Z',
  slotEnd: '2050-09-05T11:00:00.000Z',
  slotDuration: 60,
  reservationUid: 'e84be5a3-4696-49e3-acc7-b2f3999c3b94',
  reservationDuration: 5,
  reservationUntil: '2049-09-05T12:05:00.000Z',
};
