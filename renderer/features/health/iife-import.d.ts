/** An import of `<file>?iife` gives that file bundled into one script, as text (scripts/iife-script.ts). */
declare module '*?iife' {
  const script: string;
  export default script;
}
