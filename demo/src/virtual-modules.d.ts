/**
 * What the demo server tells the page, served by demo/server/plugin.ts. Its shape is
 * `PlaygroundServerConfig` (shared/api.ts); shared/config.ts reads it.
 */
declare module 'virtual:fc-relink/playground' {
  const config: unknown;
  export default config;
}
