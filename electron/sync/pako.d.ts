// pako 1.0 ships no types; these are the two members of it the app replaces (see native-inflate.ts).
declare module 'pako' {
  interface StreamInflater {
    result: Uint8Array | undefined;
    err: number;
    msg: string;
    strm: { avail_in: number };
    push(chunk: Uint8Array, last?: boolean): boolean;
  }
  const pako: { inflate: (data: Uint8Array) => Uint8Array; Inflate: new () => StreamInflater };
  export default pako;
}
