// Login overlay of the wall; the form itself is shared with the admin console.
import { api } from './api.js';
import { unlockAudio } from './toast.js';
import { bindLoginForm, showLoginOver } from '../shared/login-form.js';

export function initLogin({ onLoggedIn }) {
  bindLoginForm({ login: api.login, onLoggedIn, lastUserKey: 'hazwatch.wall.lastUser', beforeSubmit: unlockAudio });
}

export function showLogin(message = '') {
  showLoginOver('wall', message);
}

export function hideLogin() {
  document.getElementById('login').hidden = true;
  document.getElementById('wall').hidden = false;
}
