/// <reference types="svelte" />
/// <reference types="@fc-relink/element/svelte" />
