// Durations and locations again with the process in this project's zone (`tz-la`, `tz-kolkata`):
// the booker's, the confirmation's and the .ics's times name explicit zones or UTC, so the
// process's zone must not show through in the lengths, the DTEND or the shown times.
import '../components/booking/CalBooker.durloc.test.js';
import '../booking/locations.test.js';
