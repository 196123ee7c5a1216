/** Attribute converters and parsers shared by the elements. */
import { MEALS, type Meal, TARGET_GROUPS, type TargetGroup } from '@tafel/schema';

/** `live="false"` (or `off`, `0`, `no`) turns a feature off; absent or anything else means on. */
export const onUnlessFalse = {
  fromAttribute: (value: string | null): boolean =>
    value === null || !/^(false|off|0|no)$/i.test(value.trim()),
};

/** A space- or comma-separated attribute value as a list of known vocabulary keys. */
export function parseList<T extends string>(
  value: string | null | undefined,
  known: readonly T[],
): T[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((v) => v.trim().toUpperCase())
    .filter((v): v is T => (known as readonly string[]).includes(v));
}

export const parseMeals = (value: string | null | undefined): Meal[] => parseList(value, MEALS);
export const parseTargetGroups = (value: string | null | undefined): TargetGroup[] =>
  parseList(value, TARGET_GROUPS);

/** `"52.1, 5.3"` → `[52.1, 5.3]`, or null. */
export function parseCenter(value: string | null | undefined): [number, number] | null {
  const [lat, lng] = (value ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  return lat !== undefined &&
    lng !== undefined &&
    Number.isFinite(lat) &&
    Number.isFinite(lng) &&
    Math.abs(lat) <= 90 &&
    Math.abs(lng) <= 180
    ? [lat, lng]
    : null;
}
