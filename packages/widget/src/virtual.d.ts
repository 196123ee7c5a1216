declare module 'virtual:tafel-outline' {
  /** Rings of the country outlines as encoded polylines (0.01° precision), see scripts/outline-plugin.ts. */
  const rings: string[];
  export default rings;
}
