import { createApp } from 'vue';
import '../shared/fonts';
import WallApp from './WallApp.vue';

createApp(WallApp).mount('#app');
