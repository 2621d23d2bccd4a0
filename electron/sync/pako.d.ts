// pako 1.0 ships no types; this is the one function of it the app touches (see native-inflate.ts).
declare module 'pako' {
  const pako: { inflate: (data: Uint8Array) => Uint8Array };
  export default pako;
}
