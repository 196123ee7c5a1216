declare module 'virtual:tafel-outline' {
  /** Rings of the country outlines as encoded polylines (0.01° precision), see scripts/outline-plugin.ts. */
  const rings: string[];
  export default rings;
}
declare module 'virtual:tafel-provinces' {
  /** The borders between the Dutch provinces as encoded polylines (0.01°), see scripts/provinces-plugin.ts. */
  const lines: string[];
  export default lines;
}
