// The CJK web font from npm (split by unicode-range): Chinese renders on machines without Chinese fonts, offline.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './base.css';
