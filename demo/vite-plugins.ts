// The framework plugins of the playground's Vite config (../vite.config.ts). They are the demo's
// dev dependencies, installed in demo/node_modules, which the config at the workspace root cannot
// resolve from where it sits; imports from this file resolve here.
export { default as react } from '@vitejs/plugin-react';
export { default as vue } from '@vitejs/plugin-vue';
