// @vitest-environment node
import { afterEach, expect, it, vi } from 'vitest';
import { CalSlotPicker } from '../../../../src/components/booking/CalSlotPicker.js';
import { renderOnServer } from '../../../helpers/serverRender.js';

afterEach(() => {
  vi.useRealTimers();
});

it('CalSlotPicker renders on the server with no fetch and no timer', () => {
  const { html, fetchSpy } = renderOnServer(
    <CalSlotPicker
      eventTypeId={1}
      timeZone="Europe/Berlin"
      defaultMonth="2027-03"
      selected={{ start: '2027-03-02T10:00:00+01:00' }}
    />,
  );
  expect(html).toContain('class="aisq-slot-picker"');
  expect(html).toContain('role="grid"');
  expect(html).toContain('March 2027');
  // The chosen day is the grid's tab stop from the first paint.
  expect(html).toMatch(/tabindex="0"[^>]*aria-label="Tuesday, March 2, 2027"/);
  expect(html).toContain('Europe/Berlin (GMT+');
  expect(fetchSpy).not.toHaveBeenCalled();
  expect(vi.getTimerCount()).toBe(0);
});
