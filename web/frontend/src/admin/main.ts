import { createApp } from 'vue';
import ElementPlus from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import 'element-plus/dist/index.css';
import '../shared/fonts';
import './admin.css';
import AdminApp from './AdminApp.vue';

createApp(AdminApp).use(ElementPlus, { locale: zhCn }).mount('#app');
