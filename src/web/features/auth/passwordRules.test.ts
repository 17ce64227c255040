import { describe, expect, it } from 'vitest';
import { newPasswordProblem } from './passwordRules.ts';

describe('a new password', () => {
  it('has at least 10 characters, and the form says how many are missing', () => {
    expect(newPasswordProblem('ngắn', 'hoa.syt')).toBe('Mật khẩu phải có ít nhất 10 ký tự (còn thiếu 6)');
    // Counted as characters a person sees, not code units.
    expect(newPasswordProblem('mùa xuân đẹp', 'hoa.syt')).toBeNull();
  });

  it('is at most 200 characters', () => {
    expect(newPasswordProblem('a'.repeat(201), 'hoa.syt')).toBe('Mật khẩu quá dài (tối đa 200 ký tự)');
  });

  it('does not contain the user name, whatever the case, and differs from the current one', () => {
    expect(newPasswordProblem('Xin-HOA.SYT-2026', 'hoa.syt')).toBe('Mật khẩu không được chứa tên đăng nhập');
    expect(newPasswordProblem('cao-bang-2026', 'hoa.syt', 'cao-bang-2026')).toBe(
      'Mật khẩu mới phải khác mật khẩu hiện tại',
    );
    expect(newPasswordProblem('cao-bang-2027', 'hoa.syt', 'cao-bang-2026')).toBeNull();
  });
});
