/** The part of gettext-parser (which ships no types) that scripts/regions.ts uses. */
declare module 'gettext-parser' {
  interface Translation {
    msgid: string;
    msgstr: string[];
  }
  export const mo: {
    parse(
      buffer: Buffer,
      defaultCharset?: string,
    ): {
      translations: Record<string, Record<string, Translation>>;
    };
  };
}
