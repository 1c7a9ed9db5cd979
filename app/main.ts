import { ConfigError, configFromEnv } from '../platform/config.ts';
import { createLogger } from '../platform/logger.ts';
import { startSystem } from './system.ts';

let config;
try {
  config = configFromEnv();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`启动失败：${err.message}`);
    process.exit(2);
  }
  throw err;
}

const log = createLogger(config.logLevel);
const system = await startSystem(config, log).catch((err: Error) => {
  log.fatal({ err }, 'start-up failed');
  console.error(`启动失败：${err.message}`);
  process.exit(1);
});

const lines = [
  '',
  '危险化学品安全监测预警平台 已启动',
  `  监控大屏   ${system.urls.wall}`,
  `  接口文档   ${system.urls.docs}`,
  `  健康检查   ${system.urls.http}/healthz`,
  `  MQTT       ${system.urls.mqtt}`,
  `  JT/T 808   ${system.urls.jt808}`,
  ...(system.video ? [`  RTMP 推流  rtmp://127.0.0.1:${system.ports.rtmp}/live/<推流密钥>`, `  视频播放   http://127.0.0.1:${system.ports.videoHttp}/live/<stream>.flv?token=…（经 API 获取）`, `  JT/T 1078  tcp://127.0.0.1:${system.ports.jt1078}`] : []),
  `  InfluxDB   ${system.urls.influx}`,
  `  数据目录   ${config.dataDir}`,
  system.admin.generatedPassword
    ? `  管理员     admin / ${system.admin.generatedPassword}   （首次启动生成，仅显示这一次，请妥善保存）`
    : `  管理员     admin （密码${system.admin.created ? '取自 ADMIN_PASSWORD' : '为首次启动时设置的密码'}）`,
  config.demo ? '  演示模式   已载入演示园区并启动设备模拟器（DEMO=false 关闭）' : '  演示模式   关闭',
  '按 Ctrl-C 停止。',
  '',
];
console.log(lines.join('\n'));

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'stopping');
  const force = setTimeout(() => {
    log.error('shutdown took longer than 30 s, exiting');
    process.exit(1);
  }, 30_000);
  await system.stop();
  clearTimeout(force);
  log.info('stopped cleanly');
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
