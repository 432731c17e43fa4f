/// <reference types="svelte" />
/// <reference types="vite/client" />
// What makes svelte-check know <fc-relink>: its properties and its onfc-relink-* event attributes.
/// <reference types="@fc-relink/element/svelte" />
