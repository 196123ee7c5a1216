/** Attribute converters shared by the elements. */

/** `live="false"` (or `off`, `0`, `no`) turns a feature off; absent or anything else means on. */
export const onUnlessFalse = {
  fromAttribute: (value: string | null): boolean => value === null || !/^(false|off|0|no)$/i.test(value.trim()),
};
