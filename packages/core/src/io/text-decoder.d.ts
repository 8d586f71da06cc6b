// The core is compiled without DOM or Node typings so that neither platform's APIs creep in.
// TextDecoder is the one platform global it uses; it exists in browsers, Node, Deno and workers.
// Only the slice the core calls is declared (see STYLE.md: declare just what is used).
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
