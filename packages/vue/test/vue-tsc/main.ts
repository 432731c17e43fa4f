// An app as users write it: importing @fc-relink/vue (here for its plugin) is what brings the
// <fc-relink> template types into the program.
import { createApp } from 'vue';
import { FcRelinkPlugin } from '@fc-relink/vue';
import App from './App.vue';

createApp(App).use(FcRelinkPlugin).mount('#app');
