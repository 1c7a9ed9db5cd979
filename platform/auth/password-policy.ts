/** Why a new password is refused, in Chinese for the form; null when acceptable. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 8) return '密码至少 8 位';
  if (password.length > 128) return '密码不超过 128 位';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  if (password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  if (/^(.)\1+$/.test(password) || /^(?:0123456789|1234567890|12345678|abcdefgh|password\d*|qwerty\w*)$/i.test(password)) return '密码过于简单';
  return null;
}
