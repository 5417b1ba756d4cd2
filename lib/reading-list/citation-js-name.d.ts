// @citation-js/name ships no types; this is the one function used, as its README documents it.
declare module '@citation-js/name' {
  /** A name in CSL-JSON's parts. */
  export interface CslName {
    given?: string;
    family?: string;
    suffix?: string;
    'dropping-particle'?: string;
    'non-dropping-particle'?: string;
    literal?: string;
  }
  export function parse(name: string): CslName;
}
