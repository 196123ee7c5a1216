/** Where the visitor is and how far from there: "near me". */

export interface Point {
  lat: number;
  lng: number;
}

/** Ask the browser where the visitor is: `found` with the position, or `failed` when it cannot or may not tell. */
export function locate(found: (here: Point) => void, failed: () => void): void {
  if (!navigator.geolocation) {
    failed();
    return;
  }
  navigator.geolocation.getCurrentPosition(
    ({ coords }) => found({ lat: coords.latitude, lng: coords.longitude }),
    () => failed(),
    { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
  );
}

/** Great-circle distance in kilometres. */
export function distanceKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}
