/** The channel (and lock) name: one per API and signed-in identity. */
export function crossTabName(baseUrl: string, identity: string): string {
  return `aisquare-bookings:${baseUrl}:${identity}`;
}
