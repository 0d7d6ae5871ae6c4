// wawoff2 ships no types: it unpacks WOFF2 fonts to TrueType (used at build time for preview images).
declare module 'wawoff2' {
  export function decompress(data: Uint8Array): Promise<Uint8Array>;
  export function compress(data: Uint8Array): Promise<Uint8Array>;
}
